// Full-text search in one index; {index} is filled from a fixed list, $q is a Lucene query.
CALL db.index.fulltext.queryNodes('{index}', $q) YIELD node, score
RETURN node AS n, score
ORDER BY score DESC
LIMIT $limit
