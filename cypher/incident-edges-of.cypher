// incident-edges.cypher for many nodes of one label at once. `n.id IN $ids` filters one table's
// ids before the relationships are read; `UNWIND $ids` with `n.id = i` made Kuzu join against a
// scan of every relationship instead.
MATCH (n{label})-[e{types}]->(m)
WHERE n.id IN $ids
RETURN n.id AS center, e, m, 'out' AS direction
UNION ALL
MATCH (n{label})<-[e{types}]-(m)
WHERE n.id IN $ids
RETURN n.id AS center, e, m, 'in' AS direction
