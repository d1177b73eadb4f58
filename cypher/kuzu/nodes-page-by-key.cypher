// One page of the nodes of one label ({label}: a known label), as nodes-page.cypher: a range of
// the table's internal offsets. The range is found on the ids alone, then each node is read by
// its primary key: filtered on the offsets in one match, the engine read {columns} of every node
// of the table for every page (the filter is not pushed into the scan), and through the export's
// small buffer pool every page read the whole table again (1.4 s a page of 2,000 of the 350,000
// actors of a 1M-node graph, bench/read-scaling.ts).
MATCH (m{label})
WHERE offset(id(m)) >= $first AND offset(id(m)) < $stop
WITH m.id AS key
MATCH (n{label} {id: key})
RETURN {columns}
