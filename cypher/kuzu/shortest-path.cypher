// One shortest undirected path between two nodes, as the ids of its nodes and relationships in
// order from $from to $to. {types} is empty or `:A|B` built from known relationship types only,
// {maxLength} a validated whole number: Kuzu takes neither as a parameter.
MATCH p = (a)-[e{types}* SHORTEST 1..{maxLength}]-(b)
WHERE a.id = $from AND b.id = $to
RETURN list_transform(nodes(p), x -> x.id) AS nodeIds, list_transform(rels(p), x -> x.id) AS edgeIds
LIMIT 1
