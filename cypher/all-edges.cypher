MATCH (a)-[e]->(b) RETURN a, e, b
