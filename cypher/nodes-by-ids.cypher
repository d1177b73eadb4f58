MATCH (n) WHERE n.id IN $ids RETURN n
