// How many relationships there are among the overview's nodes ($degree, $lastId as in
// overview-nodes.cypher): what the explorer says it left out when overview-edges.cypher is capped.
MATCH (a)-[e]->(b)
WHERE (a._degree > $degree OR (a._degree = $degree AND a.id <= $lastId))
  AND (b._degree > $degree OR (b._degree = $degree AND b.id <= $lastId))
RETURN count(e) AS count
