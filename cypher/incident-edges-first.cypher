// The first $limit relationships of the types in {types} (`:A`, from known types only) leaving a
// node and the first $limit entering it ({label} as in node-by-id.cypher), with the node at the
// other end: what a busy node's details list. One type per query: the type in the pattern reads
// that relationship table only (a UNION of types compared with label(e) read every relationship
// of the node once per type, and Kuzu refuses a UNION of parts with different relationship tables).
MATCH (n{label})-[e{types}]->(m)
WHERE n.id = $id
RETURN n.id AS center, e, m, 'out' AS direction
LIMIT $limit
UNION ALL
MATCH (n{label})<-[e{types}]-(m)
WHERE n.id = $id
RETURN n.id AS center, e, m, 'in' AS direction
LIMIT $limit
