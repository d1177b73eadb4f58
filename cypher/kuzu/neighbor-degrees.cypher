// How many relationships touch each of these nodes of one label ({label}: a known label), found
// by their offsets in the table (from neighbor-ids): the rank of a node's neighbours. Comparing
// numbers: `m.id IN $ids` compared every id of the table with the list, string by string, 1.6 to
// 2 times slower at 100k and 1M nodes (bench/read-scaling.ts).
MATCH (m{label})-[x]-()
WHERE offset(id(m)) IN $offsets
RETURN m.id AS id, count(x) AS degree
