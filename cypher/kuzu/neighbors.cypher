// A node's neighbours, the most connected first ("next 20 most mentioned"), optionally by type
// (an empty $types: all types). {label} as in node-by-id.cypher. On LadybugDB only for a node with
// many neighbours: for fewer, kuzu-neighbors.ts ranks them in steps that read less.
MATCH (n{label})-[e]-(m)
WHERE n.id = $id AND (size($types) = 0 OR label(e) IN $types)
WITH DISTINCT m
OPTIONAL MATCH (m)-[x]-()
WITH m, count(x) AS rank
RETURN m, rank
ORDER BY rank DESC, m.id
SKIP $skip
LIMIT $limit
