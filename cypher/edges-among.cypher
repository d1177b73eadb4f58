// Relationships from nodes of one label to nodes of another (both ends in the given lists): one
// part of a UNION ALL, one part per pair of labels a relationship type connects. {from}, {to} are
// known labels, {n} the part's number. Starting from each source by its primary key and checking
// the target against a list per label is what keeps this fast for a 500-node overview. Only the
// ends' ids come back: the caller has the nodes.
UNWIND $from{n} AS s
MATCH (a:{from})-[e]->(b:{to})
WHERE a.id = s AND b.id IN $to{n}
RETURN a.id AS source, e, b.id AS target
