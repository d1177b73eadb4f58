// statement-parts.cypher for the statements one relationship away from a node ({label} as in
// node-by-id.cypher): the ones it said, is the subject of, or (a document) reported. Starting
// from the node by its primary key reads only adjacency lists: `s.id IN $ids` compares every row
// of the Statement table with the list, which grows with the graph (10 times the time at 1M
// nodes). Two MATCH clauses: in one, the relationship to the node could not be the statement's
// SAID as well (a speaker's own statements would lose their speaker). A statement joined to the
// node twice (said about itself) comes twice: the caller keeps each relationship once.
MATCH (c{label})--(s:Statement)
WHERE c.id = $id
MATCH (s)<-[e:SAID]-(m)
RETURN s.id AS center, 'in' AS direction, 'SAID' AS type, e.id AS edgeId, m.id AS id, label(m) AS label,
  m.name AS caption, CAST(NULL AS STRING) AS published, CAST(NULL AS STRING) AS sentence,
  CAST(NULL AS INT64) AS startOffset, CAST(NULL AS INT64) AS endOffset
UNION ALL
MATCH (c{label})--(s:Statement)
WHERE c.id = $id
MATCH (s)-[e:ABOUT]->(m)
RETURN s.id AS center, 'out' AS direction, 'ABOUT' AS type, e.id AS edgeId, m.id AS id, label(m) AS label,
  m.name AS caption, CAST(NULL AS STRING) AS published, CAST(NULL AS STRING) AS sentence,
  CAST(NULL AS INT64) AS startOffset, CAST(NULL AS INT64) AS endOffset
UNION ALL
MATCH (c{label})--(s:Statement)
WHERE c.id = $id
MATCH (s)-[e:REPORTED_IN]->(m:Document)
RETURN s.id AS center, 'out' AS direction, 'REPORTED_IN' AS type, e.id AS edgeId, m.id AS id, 'Document' AS label,
  m.title AS caption, m.published AS published, e.sentence AS sentence,
  e.startOffset AS startOffset, e.endOffset AS endOffset
