// Every relationship touching a node, with the node at the other end.
MATCH (n)-[e]->(m) WHERE n.id = $id RETURN e, m, 'out' AS direction
UNION ALL
MATCH (n)<-[e]-(m) WHERE n.id = $id RETURN e, m, 'in' AS direction
