// Full-text search in one table's index; {table} and {index} are filled from a fixed list.
CALL QUERY_FTS_INDEX('{table}', '{index}', $q)
RETURN node AS n, score
ORDER BY score DESC
LIMIT $limit
