// Every shortest undirected path between two nodes (at most $limit): each path's nodes in order
// from $from to $to, the ids of its relationships and the relationships themselves (their ends
// by internal id: KuzuStore.pathEdges). {types}, {maxLength}, {fromLabel} and {toLabel} as in
// shortest-path.cypher.
MATCH p = (a{fromLabel})-[e{types}* ALL SHORTEST 1..{maxLength}]-(b{toLabel})
WHERE a.id = $from AND b.id = $to
RETURN nodes(p) AS nodes, list_transform(rels(p), x -> x.id) AS edgeIds, rels(p) AS rels
LIMIT $limit
