// One page of the relationships of one type between two labels ({type}, {from}, {to}: known
// names, one pair the schema allows): those leaving a range of the source table's internal
// offsets, read along the engine's adjacency lists with no sort (keyset paging on `e.id` sorted
// the whole relationship table for every page). {columns} is `e.id AS id, e.rule AS rule, …`
// from the schema; only the ends' ids come back.
MATCH (a:{from})-[e:{type}]->(b:{to})
WHERE offset(id(a)) >= $first AND offset(id(a)) < $stop
RETURN a.id AS source, b.id AS target, {columns}
