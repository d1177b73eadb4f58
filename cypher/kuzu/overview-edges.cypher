// The relationships among the overview's nodes ($degree, $lastId as in overview-nodes.cypher), in
// the overview's order (server/store/overview-edges.ts): the greater stored degree of the two ends
// first, then the lesser, then the id; the first $limit. Filtering both ends on the degree column
// of every table read the 36,000 relationships among 500 nodes of a 100k-node graph in a tenth of
// the time of matching their ids or offsets against lists. {columns} is `e.id AS id, e.rule AS
// rule, …` for every relationship property read (null where a type lacks one). Only the ends'
// ids come back: the caller has the nodes.
MATCH (a)-[e]->(b)
WHERE (a._degree > $degree OR (a._degree = $degree AND a.id <= $lastId))
  AND (b._degree > $degree OR (b._degree = $degree AND b.id <= $lastId))
RETURN a.id AS source, b.id AS target, label(e) AS type, {columns}
ORDER BY CASE WHEN a._degree > b._degree THEN a._degree ELSE b._degree END DESC,
  CASE WHEN a._degree > b._degree THEN b._degree ELSE a._degree END DESC,
  id
LIMIT $limit
