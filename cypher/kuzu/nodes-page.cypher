// One page of the nodes of one label ({label}: a known label): a range of the table's internal
// offsets, so no page sorts or rescans the table (keyset paging on `n.id` sorted the whole table
// for every page). {columns} is `n.id AS id, n.name AS name, …` from the schema: plain columns
// convert several times faster than a node struct per row.
MATCH (n{label})
WHERE offset(id(n)) >= $first AND offset(id(n)) < $stop
RETURN {columns}
