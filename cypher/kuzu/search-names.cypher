// Names and aliases that contain the typed text or its spelling key ($q, $key: lower case), the
// likeliest first: an exact name or alias, then one with a word starting with the text, then the
// rest, shorter names first. The order matters because of the LIMIT: "us" is inside many names.
MATCH (n:Actor:Institution:Place)
WITH n, lower(n.searchText) AS s
WHERE s CONTAINS $q OR s CONTAINS $key
RETURN n,
  CASE WHEN list_contains(string_split(s, ' | '), $q) THEN 3
       WHEN s STARTS WITH $q OR s CONTAINS (' ' + $q) THEN 2
       ELSE 1 END AS rank
ORDER BY rank DESC, size(n.name), n.id
LIMIT $limit
