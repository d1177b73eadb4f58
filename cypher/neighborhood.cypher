// Nodes within {depth} steps of a node ({depth} is a validated whole number: Cypher cannot take
// a parameter for a path length; {label} as in node-by-id.cypher).
MATCH (n{label})-[*1..{depth}]-(m)
WHERE n.id = $id
RETURN DISTINCT m
LIMIT $limit
