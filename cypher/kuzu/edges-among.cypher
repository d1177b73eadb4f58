// Relationships from nodes of one label to nodes of another (both ends in the given lists): one
// part of a UNION ALL, one part per pair of labels a relationship type connects. {from}, {to} are
// known labels, {n} the part's number, {columns} `e.id AS id, e.rule AS rule, …` for every
// property of the types between the two labels (null where a type lacks one). Both ends filtered
// by `IN` on their own table lets Kuzu join the two short lists; starting from each source by its
// primary key (`UNWIND`, `a.id = s`) read the id of every neighbour of every source, thousands for
// a hub, and made the neighbours of a node 2 to 3 times slower. Plain columns instead of the
// relationship struct halve the time for the overview's 36,000 relationships among 500 nodes
// (bench/read-scaling.ts, 100k/500k). Only the ends' ids come back: the caller has the nodes.
MATCH (a:{from})-[e]->(b:{to})
WHERE a.id IN $from{n} AND b.id IN $to{n}
RETURN a.id AS source, b.id AS target, label(e) AS type, {columns}
