// How many relationships touch a node ({label} as in node-by-id.cypher), by type and node at the
// other end: one row per type and neighbour (`other`: a key unique to the neighbour), which the
// caller sums per type and in all. Internal ids only: no property is read, so this costs little
// whatever the node's degree. One pass: a UNION of per-type counts and the totals walked the
// node's relationships twice (twice the time for a node of degree 2-140 at 100k nodes).
MATCH (n{label})-[e]-(m)
WHERE n.id = $id
WITH label(e) AS type, id(m) AS other, count(e) AS edges
RETURN type, CAST(other AS STRING) AS other, edges
