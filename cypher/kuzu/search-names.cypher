// Names and aliases that contain the typed text (suggestions while typing).
MATCH (n:Actor:Institution:Place)
WHERE lower(n.searchText) CONTAINS $q
RETURN n
LIMIT $limit
