// The relationships leaving the nodes of one table ({from}) at these offsets ($from, numbers read
// with the nodes) whose other end is at one of the offsets of $to (of any table: the caller keeps
// the rows whose end, by label and offset, is one of its nodes). What a neighbours' page draws
// among its nodes: one part per table of the page's nodes, as a UNION ALL ({n}: the part's number).
// The other end is filtered after WITH, on its internal id only: filtered in the MATCH, the planner
// scanned every node of the other end's tables to join them (9 ms of a 12 ms part at 1M nodes,
// bench/read-scaling.ts); one part per pair of tables scanned each table once per pair.
// {columns}: the relationship properties as in relationshipColumnsFrom (kuzu-pages.ts).
MATCH (a:{from})-[e]->(b)
WHERE offset(id(a)) IN $from{n}
WITH a, e, b, offset(id(b)) AS target
WHERE target IN $to
RETURN {n} AS part, offset(id(a)) AS source, target, label(b) AS targetLabel, label(e) AS type, {columns}
