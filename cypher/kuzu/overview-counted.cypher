// overview.cypher for a database without stored degrees (made before they existed and opened
// read-only): every node's relationships counted. Grouping by the whole node made LadybugDB carry
// every property of every node through the count: ids and labels only.
MATCH (n)
OPTIONAL MATCH (n)-[e]-()
WITH n.id AS id, label(n) AS label, count(e) AS degree
RETURN id, label, degree
ORDER BY degree DESC, id
LIMIT $limit
