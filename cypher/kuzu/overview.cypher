// The most connected nodes, for the first view of the graph: their ids and labels only (the caller
// reads the nodes by primary key). Grouping by the whole node made LadybugDB carry every
// property of every node (articles' texts included) through the count: at 1M nodes that filled
// the 1 GiB buffer pool and the overview answered 413.
MATCH (n)
OPTIONAL MATCH (n)-[e]-()
WITH n.id AS id, label(n) AS label, count(e) AS degree
RETURN id, label, degree
ORDER BY degree DESC, id
LIMIT $limit
