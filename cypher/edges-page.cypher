// One page of the relationships of one type between two labels ({type}, {from}, {to}: known
// names, one pair the schema allows), in id order after $after. Each page reads one relationship
// table with both ends labelled; paging over all relationships at once rescanned every
// relationship and both endpoint nodes for each page. Only the ends' ids come back.
MATCH (a:{from})-[e:{type}]->(b:{to})
WHERE e.id > $after
RETURN a.id AS source, e, b.id AS target
ORDER BY e.id
LIMIT $limit
