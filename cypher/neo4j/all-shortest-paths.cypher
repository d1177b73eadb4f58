// Every shortest undirected path between two nodes (at most $limit): each path's nodes in order
// from $from to $to and the ids of its relationships. {types}, {maxLength}, {fromLabel} and
// {toLabel} as in shortest-path.cypher.
MATCH (a{fromLabel}) WHERE a.id = $from
MATCH (b{toLabel}) WHERE b.id = $to
MATCH p = allShortestPaths((a)-[{types}*..{maxLength}]-(b))
RETURN nodes(p) AS nodes, [r IN relationships(p) | r.id] AS edgeIds
LIMIT $limit
