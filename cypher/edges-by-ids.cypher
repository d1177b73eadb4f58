// Relationships by id, of one type from one label ({type}, {label}: known names, or empty when
// an id does not say them), so that only that relationship table is read.
MATCH (a{label})-[e{type}]->(b)
WHERE e.id IN $ids
RETURN a, e, b
