// One page of the nodes of one label ({label}: a known label), in id order (keyset paging on the
// primary key: large exports stream page by page).
MATCH (n{label})
WHERE n.id > $after
RETURN n
ORDER BY n.id
LIMIT $limit
