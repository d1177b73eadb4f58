// The first $limit relationships of one type ($type{n}) leaving and the first $limit entering a
// node ({label} as in node-by-id.cypher), with the node at the other end: one part of a UNION ALL,
// one part per type ({n} its number).
MATCH (n{label})-[e]->(m)
WHERE n.id = $id AND type(e) = $type{n}
RETURN n.id AS center, e, m, 'out' AS direction
LIMIT $limit
UNION ALL
MATCH (n{label})<-[e]-(m)
WHERE n.id = $id AND type(e) = $type{n}
RETURN n.id AS center, e, m, 'in' AS direction
LIMIT $limit
