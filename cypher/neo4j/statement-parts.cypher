// The parts a statement is read from (statement-views.ts), for many statements at once: who said
// it (SAID), whom it is about (ABOUT), where it was reported (REPORTED_IN, with the sentence's
// place in the article). The far end comes back as the columns a statement's sentence shows (an
// entity's name, a document's title and date), never as the whole node with an article's text.
MATCH (s:Statement)<-[e:SAID]-(m)
WHERE s.id IN $ids
RETURN s.id AS center, 'in' AS direction, 'SAID' AS type, e.id AS edgeId, m.id AS id, labels(m)[0] AS label,
  m.name AS caption, null AS published, null AS sentence, null AS startOffset, null AS endOffset
UNION ALL
MATCH (s:Statement)-[e:ABOUT]->(m)
WHERE s.id IN $ids
RETURN s.id AS center, 'out' AS direction, 'ABOUT' AS type, e.id AS edgeId, m.id AS id, labels(m)[0] AS label,
  m.name AS caption, null AS published, null AS sentence, null AS startOffset, null AS endOffset
UNION ALL
MATCH (s:Statement)-[e:REPORTED_IN]->(m:Document)
WHERE s.id IN $ids
RETURN s.id AS center, 'out' AS direction, 'REPORTED_IN' AS type, e.id AS edgeId, m.id AS id, 'Document' AS label,
  m.title AS caption, m.published AS published, e.sentence AS sentence,
  e.startOffset AS startOffset, e.endOffset AS endOffset
