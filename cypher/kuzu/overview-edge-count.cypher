// How many relationships there are among the overview's nodes ($degree, $ties as in
// overview-nodes.cypher): what the explorer says it left out when overview-edges.cypher is capped.
MATCH (a)-[e]->(b)
WHERE (a._degree > $degree OR a.id IN $ties) AND (b._degree > $degree OR b.id IN $ties)
RETURN count(e) AS count
