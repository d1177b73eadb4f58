// Relationships whose both ends are in a set of node ids.
MATCH (a)-[e]->(b)
WHERE a.id IN $ids AND b.id IN $ids
RETURN a, e, b
