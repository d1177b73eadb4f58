// statement-parts.cypher for the statements one relationship away from a node ({label} as in
// node-by-id.cypher): the ones it said, is the subject of, or (a document) reported. Starting
// from the node by its primary key reads only adjacency lists: `s.id IN $ids` compares every row
// of the Statement table with the list, which grows with the graph (10 times the time at 1M
// nodes). Two MATCH clauses: in one, the relationship to the node could not be the statement's
// SAID as well (a speaker's own statements would lose their speaker). The three types in one
// pattern, each in its one direction (SAID enters a statement, ABOUT and REPORTED_IN leave it):
// a UNION of three parts found the node and its statements three times (half the time at 100k
// nodes for a node of degree 2-5). A statement joined to the node twice (said about itself) comes
// twice: the caller keeps each relationship once.
MATCH (c{label})--(s:Statement)
WHERE c.id = $id
MATCH (s)-[e:SAID|ABOUT|REPORTED_IN]-(m)
RETURN s.id AS center, CASE WHEN label(e) = 'SAID' THEN 'in' ELSE 'out' END AS direction, label(e) AS type,
  e.id AS edgeId, m.id AS id, label(m) AS label, coalesce(m.name, m.title) AS caption, m.published AS published,
  e.sentence AS sentence, e.startOffset AS startOffset, e.endOffset AS endOffset
