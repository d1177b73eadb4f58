// What a node's details list of its relationships ({label} as in node-by-id.cypher; {types} as in
// incident-edges.cypher): each relationship whole, its direction seen from the node, and the node
// at the other end brief, as columns: its id and label, the caption fields (an entity's name, a
// document's title and date) and a statement's own fields (what its sentence shows), never a
// document's text.
MATCH (n{label})-[e{types}]-(m)
WHERE n.id = $id
RETURN e, CASE WHEN startNode(e) = n THEN 'out' ELSE 'in' END AS direction,
  m.id AS id, labels(m)[0] AS label, m.name AS name, m.title AS title, m.published AS published,
  CASE WHEN m:Statement THEN m.text END AS text, m.kind AS kind, m.date AS date,
  m.dateSource AS dateSource, m.confidence AS confidence
