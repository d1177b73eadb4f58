// The first $limit relationships of one type ($type{n}) leaving and the first $limit entering a
// node ({label} as in node-by-id.cypher), with the node at the other end: one part of a UNION ALL,
// one part per type ({n} its number). The type is compared, not put in the pattern, so that every
// part's `e` and `m` have the same type (Kuzu refuses a UNION of different relationship tables).
MATCH (n{label})-[e]->(m)
WHERE n.id = $id AND label(e) = $type{n}
RETURN n.id AS center, e, m, 'out' AS direction
LIMIT $limit
UNION ALL
MATCH (n{label})<-[e]-(m)
WHERE n.id = $id AND label(e) = $type{n}
RETURN n.id AS center, e, m, 'in' AS direction
LIMIT $limit
