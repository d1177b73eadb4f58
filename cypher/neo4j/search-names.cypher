// Names and aliases that contain the typed text (suggestions while typing).
MATCH (n)
WHERE (n:Actor OR n:Institution OR n:Place) AND toLower(n.searchText) CONTAINS $q
RETURN n
LIMIT $limit
