// The first $limit relationships of the types in {types} (`:A`, from known types only) leaving a
// node and the first $limit entering it ({label} as in node-by-id.cypher): what a busy node's
// details list, the node at the other end brief as in incident-brief.cypher (read whole, a node
// struct over every table of the other end, it was a quarter of the sample's time). One type per
// query: the type in the pattern reads that relationship table only, and LadybugDB refuses a UNION
// of relationships whose tables have different properties ("e has data type REL but REL was
// expected"); of types that share them, one query of several was no faster than one per type.
// `otherOffset` as in incident-brief.cypher.
MATCH (n{label})-[e{types}]->(m)
WHERE n.id = $id
RETURN e, 'out' AS direction,
  m.id AS id, label(m) AS label, m.name AS name, m.title AS title, m.published AS published,
  CASE WHEN label(m) = 'Statement' THEN m.text END AS text, m.kind AS kind, m.date AS date,
  m.dateSource AS dateSource, m.confidence AS confidence, offset(id(m)) AS otherOffset
LIMIT $limit
UNION ALL
MATCH (n{label})<-[e{types}]-(m)
WHERE n.id = $id
RETURN e, 'in' AS direction,
  m.id AS id, label(m) AS label, m.name AS name, m.title AS title, m.published AS published,
  CASE WHEN label(m) = 'Statement' THEN m.text END AS text, m.kind AS kind, m.date AS date,
  m.dateSource AS dateSource, m.confidence AS confidence, offset(id(m)) AS otherOffset
LIMIT $limit
