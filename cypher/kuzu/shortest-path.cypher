// One shortest undirected path between two nodes: its nodes in order from $from to $to, the ids
// of its relationships and the relationships themselves (their ends by internal id:
// KuzuStore.pathEdges). {types} is empty or `:A|B` built from known relationship types only,
// {maxLength} a validated whole number: Kuzu takes neither as a parameter. {fromLabel} and
// {toLabel} as {label} in node-by-id.cypher.
MATCH p = (a{fromLabel})-[e{types}* SHORTEST 1..{maxLength}]-(b{toLabel})
WHERE a.id = $from AND b.id = $to
RETURN nodes(p) AS nodes, list_transform(rels(p), x -> x.id) AS edgeIds, rels(p) AS rels
LIMIT 1
