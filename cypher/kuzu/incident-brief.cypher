// What a node's details list of its relationships ({label} as in node-by-id.cypher; {types} as in
// incident-edges.cypher): each relationship whole, the node's internal id, and the node at the
// other end brief, as columns: its id and label, the caption fields (an entity's name, a
// document's title and date) and a statement's own fields (what its sentence shows). Never the
// node whole: a Document carries its article's text, and a node struct over every table cost
// half the read. One undirected pattern: a UNION of the two directions found the node twice.
// The direction is the caller's to tell from `center` (the node's internal id) and the
// relationship's source: start_node(e) in an undirected pattern answered the pattern's left end.
// `otherOffset`, the other end's offset in its table, lets a statement's parts be read without
// looking it up by id (statement-parts-at.cypher).
MATCH (n{label})-[e{types}]-(m)
WHERE n.id = $id
RETURN e, id(n) AS center,
  m.id AS id, label(m) AS label, m.name AS name, m.title AS title, m.published AS published,
  CASE WHEN label(m) = 'Statement' THEN m.text END AS text, m.kind AS kind, m.date AS date,
  m.dateSource AS dateSource, m.confidence AS confidence, offset(id(m)) AS otherOffset
