// Titles and dates of documents by id (evidence lists name documents): only the two properties,
// not the article text, one primary-key lookup per id.
UNWIND $ids AS i
MATCH (n:Document)
WHERE n.id = i
RETURN n.id AS id, n.title AS title, n.published AS published
