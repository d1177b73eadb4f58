MATCH (a)-[e]->(b) WHERE e.id IN $ids RETURN a, e, b
