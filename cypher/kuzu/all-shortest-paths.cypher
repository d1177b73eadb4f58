// Every shortest undirected path between two nodes (at most $limit): each path's nodes in order
// from $from to $to and the ids of its relationships. {types}, {maxLength}, {fromLabel} and
// {toLabel} as in shortest-path.cypher.
MATCH p = (a{fromLabel})-[e{types}* ALL SHORTEST 1..{maxLength}]-(b{toLabel})
WHERE a.id = $from AND b.id = $to
RETURN nodes(p) AS nodes, list_transform(rels(p), x -> x.id) AS edgeIds
LIMIT $limit
