// One page of all relationships, in id order.
MATCH (a)-[e]->(b)
WHERE e.id > $after
RETURN a, e, b
ORDER BY e.id
LIMIT $limit
