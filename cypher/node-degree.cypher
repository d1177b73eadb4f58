// How many relationships touch a node ({label} as in node-by-id.cypher).
MATCH (n{label})-[e]-()
WHERE n.id = $id
RETURN count(e) AS degree
