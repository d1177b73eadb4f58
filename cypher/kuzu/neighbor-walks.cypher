// A node's neighbours ({label} as in node-by-id.cypher), optionally by type (an empty $types: all
// types), each with its degree: the rank of kuzu-neighbors.ts for a node with many neighbours
// (for fewer, neighbor-degrees by offsets is faster). Internal ids only, read along the adjacency
// lists of the node and of its neighbours, so the cost follows their degrees. LadybugDB matches walks here (`x` may be `e` itself), so `walks` counts each
// relationship of `m` once per relationship `e` joining it to the node: degree = walks / edges.
// `WITH DISTINCT m OPTIONAL MATCH (m)-[x]-()` joined against a scan of every node table: 1.4 to
// 2.5 times slower for the busiest nodes at 100k nodes; a list of thousands of offsets compared
// with every row of each table would be slower still.
MATCH (n{label})-[e]-(m)-[x]-()
WHERE n.id = $id AND (size($types) = 0 OR label(e) IN $types)
RETURN m.id AS id, label(m) AS label, count(x) AS walks, count(DISTINCT id(e)) AS edges
