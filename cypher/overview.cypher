// The most connected nodes, for the first view of the graph.
MATCH (n)
OPTIONAL MATCH (n)-[e]-()
WITH n, count(e) AS degree
RETURN n, degree
ORDER BY degree DESC, n.id
LIMIT $limit
