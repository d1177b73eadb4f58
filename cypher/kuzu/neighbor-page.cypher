// One page of a node's distinct neighbours ({label} as in node-by-id.cypher), optionally by type
// (an empty $types: all types), most connected first, ties by id (code point order, as Neo4j's
// neighbors.cypher gives them): ids, labels and the degree each node keeps (`_degree`,
// server/store/kuzu/kuzu-degrees.ts), so the rank reads one number per neighbour, not every
// neighbour's adjacency list, and each one's offset in its table (for edges-from-offsets.cypher).
// The caller reads the page's nodes by primary key.
// The hint makes the neighbours' ids and degrees, read from every node table, the hash table that
// the node's few relationships probe: the planner's own choice probed it with every node of the
// graph, 45,056 probes for 117 neighbours at 100k nodes, most of the ranking's time.
MATCH (n{label})-[e]-(m)
WHERE n.id = $id AND (size($types) = 0 OR label(e) IN $types)
HINT (n JOIN e) JOIN m
RETURN DISTINCT m.id AS id, label(m) AS label, m._degree AS degree, offset(id(m)) AS offset
ORDER BY degree DESC, id
SKIP $skip
LIMIT $limit
