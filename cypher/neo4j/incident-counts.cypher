// How many relationships touch a node ({label} as in node-by-id.cypher), by type and node at the
// other end: one row per type and neighbour (`other`: a key unique to the neighbour), which the
// caller sums per type and in all.
MATCH (n{label})-[e]-(m)
WHERE n.id = $id
RETURN type(e) AS type, elementId(m) AS other, count(e) AS edges
