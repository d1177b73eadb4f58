// Full text without an index: nodes of {label} whose {property} contains every term ($terms:
// lower case), shorter texts first. {label} and {property} are filled from a fixed list.
MATCH (n:{label})
WHERE n.{property} IS NOT NULL AND all(t IN $terms WHERE toLower(n.{property}) CONTAINS t)
RETURN n
ORDER BY size(n.{property}), n.id
LIMIT $limit
