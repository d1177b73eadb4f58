// The parts a statement is read from (statement-views.ts), for many statements at once: who said
// it (SAID), whom it is about (ABOUT), where it was reported (REPORTED_IN, with the sentence's
// place in the article). The far end comes back as the columns a statement's sentence shows (an
// entity's name, a document's title and date) and never as the whole node: a Document node carries
// its article's full text, and converting it per row was over half the time of a node's details.
// `s.id IN $ids` filters the Statement table's ids before the relationships are read.
MATCH (s:Statement)<-[e:SAID]-(m)
WHERE s.id IN $ids
RETURN s.id AS center, 'in' AS direction, 'SAID' AS type, e.id AS edgeId, m.id AS id, label(m) AS label,
  m.name AS caption, CAST(NULL AS STRING) AS published, CAST(NULL AS STRING) AS sentence,
  CAST(NULL AS INT64) AS startOffset, CAST(NULL AS INT64) AS endOffset
UNION ALL
MATCH (s:Statement)-[e:ABOUT]->(m)
WHERE s.id IN $ids
RETURN s.id AS center, 'out' AS direction, 'ABOUT' AS type, e.id AS edgeId, m.id AS id, label(m) AS label,
  m.name AS caption, CAST(NULL AS STRING) AS published, CAST(NULL AS STRING) AS sentence,
  CAST(NULL AS INT64) AS startOffset, CAST(NULL AS INT64) AS endOffset
UNION ALL
MATCH (s:Statement)-[e:REPORTED_IN]->(m:Document)
WHERE s.id IN $ids
RETURN s.id AS center, 'out' AS direction, 'REPORTED_IN' AS type, e.id AS edgeId, m.id AS id, 'Document' AS label,
  m.title AS caption, m.published AS published, e.sentence AS sentence,
  e.startOffset AS startOffset, e.endOffset AS endOffset
