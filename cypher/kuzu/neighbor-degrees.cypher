// How many relationships touch each of these nodes of one label ({label}: a known label): the
// rank of a node's neighbours. Counting from one table's ids filtered by `IN` reads only the
// adjacency lists of these nodes; `WITH DISTINCT m OPTIONAL MATCH (m)-[x]-()` after the 1-hop
// match made Kuzu join against a scan over every node table and was about 5 times slower for a
// node of degree 90–140 at 100k nodes / 500k relationships (bench/read-scaling.ts).
MATCH (m{label})-[x]-()
WHERE m.id IN $ids
RETURN m.id AS id, count(x) AS degree
