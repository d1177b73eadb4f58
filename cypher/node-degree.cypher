MATCH (n)-[e]-() WHERE n.id = $id RETURN count(e) AS degree
