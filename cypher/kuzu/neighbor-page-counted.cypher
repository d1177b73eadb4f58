// neighbor-page.cypher for a database without stored degrees (made before they existed and opened
// read-only, so they could not be added): each neighbour's relationships counted along its
// adjacency list. Slower for busy neighbourhoods; the next read-write open adds the degrees.
MATCH (n{label})-[e]-(m)
WHERE n.id = $id AND (size($types) = 0 OR label(e) IN $types)
WITH DISTINCT m
OPTIONAL MATCH (m)-[x]-()
WITH m.id AS id, label(m) AS label, offset(id(m)) AS offset, count(x) AS degree
RETURN id, label, degree, offset
ORDER BY degree DESC, id
SKIP $skip
LIMIT $limit
