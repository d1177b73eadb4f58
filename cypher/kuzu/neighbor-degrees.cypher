// A node's neighbours ({label} as in node-by-id.cypher), optionally by type (an empty $types: all
// types), each with its degree: the rank of kuzu-neighbors.ts. Internal ids only, read along the
// adjacency lists of the node and of its neighbours, so the cost follows their degrees and not the
// size of the graph. LadybugDB matches walks here (`x` may be `e` itself), so `walks` counts each
// relationship of `m` once per relationship `e` joining it to the node: degree = walks / edges.
// Filtering the neighbours' ids with `m.id IN $ids` compared the list with every row of their
// tables, and `WITH DISTINCT m OPTIONAL MATCH (m)-[x]-()` joined against a scan of every node
// table: both grew with the graph (bench/read-scaling.ts, 100k and 1M nodes).
MATCH (n{label})-[e]-(m)-[x]-()
WHERE n.id = $id AND (size($types) = 0 OR label(e) IN $types)
RETURN m.id AS id, label(m) AS label, count(x) AS walks, count(DISTINCT id(e)) AS edges
