// The first $limit relationships of the types in {types} (`:A`, from known types only) leaving a
// node and the first $limit entering it ({label} as in node-by-id.cypher): what a busy node's
// details list, the node at the other end brief as in incident-brief.cypher. One type per query,
// as on LadybugDB (cypher/kuzu/incident-brief-first.cypher).
MATCH (n{label})-[e{types}]->(m)
WHERE n.id = $id
RETURN e, 'out' AS direction,
  m.id AS id, labels(m)[0] AS label, m.name AS name, m.title AS title, m.published AS published,
  CASE WHEN m:Statement THEN m.text END AS text, m.kind AS kind, m.date AS date,
  m.dateSource AS dateSource, m.confidence AS confidence
LIMIT $limit
UNION ALL
MATCH (n{label})<-[e{types}]-(m)
WHERE n.id = $id
RETURN e, 'in' AS direction,
  m.id AS id, labels(m)[0] AS label, m.name AS name, m.title AS title, m.published AS published,
  CASE WHEN m:Statement THEN m.text END AS text, m.kind AS kind, m.date AS date,
  m.dateSource AS dateSource, m.confidence AS confidence
LIMIT $limit
