// How many relationships touch a node ({label} as in node-by-id.cypher) and how many distinct
// nodes they reach, per relationship type and in all (the row whose type is '').
MATCH (n{label})-[e]-(m)
WHERE n.id = $id
RETURN type(e) AS type, count(e) AS edges, count(DISTINCT m) AS others
UNION ALL
MATCH (n{label})-[e]-(m)
WHERE n.id = $id
RETURN '' AS type, count(e) AS edges, count(DISTINCT m) AS others
