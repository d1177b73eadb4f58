// The overview's nodes of one label ({label}: a known label), found by their stored degree
// (`_degree`, server/store/kuzu/kuzu-degrees.ts): those above the least degree among the ranked
// ($degree), and those at it up to the last ranked id ($lastId: the ranking breaks ties by id).
// One scan of one column of the table, where reading 500 nodes by primary key took ten times
// longer (bench/read-scaling.ts). {columns} is `n.id AS id, n.name AS name, …` from the schema.
MATCH (n{label})
WHERE n._degree > $degree OR (n._degree = $degree AND n.id <= $lastId)
RETURN {columns}
