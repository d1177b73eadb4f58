// Relationships from nodes of one label to nodes of another (both ends in the given lists): one
// part of a UNION ALL, one part per pair of labels a relationship type connects. {from}, {to} are
// known labels, {n} the part's number. Both ends filtered by `IN` on their own table lets Kuzu
// join the two short lists; starting from each source by its primary key (`UNWIND`, `a.id = s`)
// read the id of every neighbour of every source, thousands for a hub, and made the neighbours
// of a node 10 to 30 times slower (bench/read-scaling.ts). Only the ends' ids come back: the
// caller has the nodes.
MATCH (a:{from})-[e]->(b:{to})
WHERE a.id IN $from{n} AND b.id IN $to{n}
RETURN a.id AS source, e, b.id AS target
