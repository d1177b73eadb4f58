// Statements by id as their offsets in the Statement table, for statement-parts-at.cypher: one
// primary-key lookup per id (`s.id IN $ids` compared every statement's id with the list).
UNWIND $ids AS i
MATCH (s:Statement)
WHERE s.id = i
RETURN i AS id, offset(id(s)) AS statement
