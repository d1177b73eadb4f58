// One shortest undirected path between two nodes: its nodes in order from $from to $to and the
// ids of its relationships. {types} is empty or `:A|B` built from known relationship types only,
// {maxLength} a validated whole number: Neo4j takes neither as a parameter. {fromLabel} and
// {toLabel} as {label} in node-by-id.cypher.
MATCH (a{fromLabel}) WHERE a.id = $from
MATCH (b{toLabel}) WHERE b.id = $to
MATCH p = shortestPath((a)-[{types}*..{maxLength}]-(b))
RETURN nodes(p) AS nodes, [r IN relationships(p) | r.id] AS edgeIds
LIMIT 1
