// A node's distinct neighbours as ids, labels and offsets in their tables only, optionally by type
// (an empty $types: all types); {label} as in node-by-id.cypher. The first step of ranking them
// (kuzu-neighbors.ts): no properties are read, so this costs what the 1-hop ids cost.
MATCH (n{label})-[e]-(m)
WHERE n.id = $id AND (size($types) = 0 OR label(e) IN $types)
RETURN DISTINCT m.id AS id, label(m) AS label, offset(id(m)) AS offset
