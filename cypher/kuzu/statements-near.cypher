// The statements one relationship away from a node ({label} as in node-by-id.cypher), as their
// offsets in the Statement table and ids: the first half of statement-parts-near on LadybugDB,
// whose second half is statement-parts-at. Offsets come from the node's adjacency list alone; the
// ids, from the statements' table. A node's details read the statements they show by id instead
// (statement-offsets.cypher).
MATCH (c{label})--(s:Statement)
WHERE c.id = $id
RETURN DISTINCT offset(id(s)) AS statement, s.id AS id
