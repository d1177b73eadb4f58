// One page of the relationships of one type between two labels ({type}, {from}, {to}: known
// names, one pair the schema allows): those leaving a range of the source table's internal
// offsets, read along the engine's adjacency lists with no sort (keyset paging on `e.id` sorted
// the whole relationship table for every page). {columns} is `e.id AS id, e.rule AS rule, …`
// from the schema. Both ends come back as their offsets in their tables, which the caller maps to
// ids: reading `b.id` joined every page with a scan of the target table (about 40% of the
// engine's and the conversion's time over a whole export, bench/read-scaling.ts), and the range
// filter does not narrow the scan of {from}: every page read `a.id` of the whole source table
// (35,000 actors for a page of 300 of them, PROFILE at 100k nodes), where the offsets cost nothing.
MATCH (a:{from})-[e:{type}]->(b:{to})
WHERE offset(id(a)) >= $first AND offset(id(a)) < $stop
RETURN offset(id(a)) AS source, offset(id(b)) AS target, {columns}
