// One shortest undirected path between two nodes, as the ids of its nodes and relationships in
// order from $from to $to. {types} is empty or `:A|B` built from known relationship types only,
// {maxLength} a validated whole number: Neo4j takes neither as a parameter.
MATCH (a) WHERE a.id = $from
MATCH (b) WHERE b.id = $to
MATCH p = shortestPath((a)-[{types}*..{maxLength}]-(b))
RETURN [n IN nodes(p) | n.id] AS nodeIds, [r IN relationships(p) | r.id] AS edgeIds
LIMIT 1
