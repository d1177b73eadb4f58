// One page of all relationships: those going out of the next $sources nodes of one label
// ({label}: a known label) in id order after $after. Every relationship has one source, so paging
// over the sources of each label covers each exactly once, and each page reads only its sources'
// relationships (paging on the relationship id rescanned them all). Sources without any come back
// once with e null, so that the caller can move past them; the last row has the last source.
MATCH (a{label})
WHERE a.id > $after
WITH a
ORDER BY a.id
LIMIT $sources
OPTIONAL MATCH (a)-[e]->(b)
RETURN a.id AS source, e, b.id AS target, labels(b)[0] AS targetLabel
ORDER BY source
