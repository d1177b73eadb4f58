// edges-among.cypher with both ends filtered by their offsets in their tables ($from{n}, $to{n}:
// numbers, read with the nodes, as LadybugDB's overview does): `a.id IN $from{n}` compared every
// id of the table with every id of the list, string by string, and that comparison, not the
// relationships, was most of the time for the overview's 500 nodes (on a database read by
// counting: overview-counted.cypher; a neighbours' page reads edges-from-offsets.cypher).
// The ends come back as those offsets, with the part's number {n} (which names their tables): `a.id`
// read the id of every node of both tables before the offsets were compared.
MATCH (a:{from})-[e]->(b:{to})
WHERE offset(id(a)) IN $from{n} AND offset(id(b)) IN $to{n}
RETURN {n} AS part, offset(id(a)) AS source, offset(id(b)) AS target, label(e) AS type, {columns}
