// Nodes by their ids, all of one label ({label} as in node-by-id.cypher): one primary-key lookup
// per id (`n.id IN $ids` would scan the whole table).
UNWIND $ids AS i
MATCH (n{label})
WHERE n.id = i
RETURN n
