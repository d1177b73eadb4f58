// Every relationship touching one node ({label} as in node-by-id.cypher), of the types in
// {types} (empty or `:A|B` from known types only), with the node at the other end.
MATCH (n{label})-[e{types}]->(m)
WHERE n.id = $id
RETURN n.id AS center, e, m, 'out' AS direction
UNION ALL
MATCH (n{label})<-[e{types}]-(m)
WHERE n.id = $id
RETURN n.id AS center, e, m, 'in' AS direction
