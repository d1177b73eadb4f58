// Full-text indexes (Kuzu's built-in FTS extension). Rebuilt after each import, because an index
// over a table is created from the rows present at that moment.
CALL CREATE_FTS_INDEX('Actor', 'actor_fts', ['searchText', 'description']);
CALL CREATE_FTS_INDEX('Institution', 'institution_fts', ['searchText', 'description']);
CALL CREATE_FTS_INDEX('Place', 'place_fts', ['searchText']);
CALL CREATE_FTS_INDEX('Statement', 'statement_fts', ['text']);
CALL CREATE_FTS_INDEX('Document', 'document_fts', ['title']);
