// The most connected nodes, for the first view of the graph: their ids and labels only (the caller
// reads the nodes by primary key), ranked by the degree each node keeps (`_degree`,
// server/store/kuzu/kuzu-degrees.ts): one column per table read, instead of counting every
// relationship of every node.
MATCH (n)
RETURN n.id AS id, label(n) AS label, n._degree AS degree
ORDER BY degree DESC, id
LIMIT $limit
