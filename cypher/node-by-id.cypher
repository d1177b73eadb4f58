// A node by its id. {label} is `:Actor` (from the id's prefix: the primary key of one table) or
// empty for an id without a known prefix (a scan over every table).
MATCH (n{label})
WHERE n.id = $id
RETURN n
