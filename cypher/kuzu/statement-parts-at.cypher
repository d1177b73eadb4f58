// statement-parts.cypher for the statements at these offsets of the Statement table ($offsets,
// from statement-offsets.cypher). Split in two: in one query from a node, LadybugDB planned the
// statements' relationships as a hash join whose other side read the Statement table and the relationships of every statement a semi-mask let through
// (86,000 relationships for a node of degree 117 at 100k nodes, to keep 141). Filtered by offset,
// the filter runs before the relationships are read: only the statements' own are. The three
// types in one pattern, each in its one direction (SAID enters a statement, ABOUT and
// REPORTED_IN leave it). The statement comes back as its offset, which the caller maps to its id:
// `s.id` read the id of every statement of the table before the offsets were compared (30,000
// for the 17 statements of a node of degree 117 at 100k nodes, and ten times as many at 1M).
MATCH (s:Statement)-[e:SAID|ABOUT|REPORTED_IN]-(m)
WHERE offset(id(s)) IN $offsets
RETURN offset(id(s)) AS statement, CASE WHEN label(e) = 'SAID' THEN 'in' ELSE 'out' END AS direction, label(e) AS type,
  e.id AS edgeId, m.id AS id, label(m) AS label, coalesce(m.name, m.title) AS caption, m.published AS published,
  e.sentence AS sentence, e.startOffset AS startOffset, e.endOffset AS endOffset
