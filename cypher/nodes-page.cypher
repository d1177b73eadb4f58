// One page of all nodes, in id order (keyset paging: large exports stream page by page).
MATCH (n)
WHERE n.id > $after
RETURN n
ORDER BY n.id
LIMIT $limit
