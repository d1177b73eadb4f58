// One page of the relationships of one type between two labels ({type}, {from}, {to}: known
// names, one pair the schema allows): those leaving a range of the source table's internal
// offsets, read along the engine's adjacency lists with no sort (keyset paging on `e.id` sorted
// the whole relationship table for every page). {columns} is `e.id AS id, e.rule AS rule, …`
// from the schema. The target comes back as its offset in {to}'s table, which the caller maps to
// its id: reading `b.id` joined every page with a scan of the target table (about 40% of the
// engine's and the conversion's time over a whole export, bench/read-scaling.ts).
MATCH (a:{from})-[e:{type}]->(b:{to})
WHERE offset(id(a)) >= $first AND offset(id(a)) < $stop
RETURN a.id AS source, offset(id(b)) AS target, {columns}
