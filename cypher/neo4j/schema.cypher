// actorgraph schema for Neo4j 5: unique ids per label, id indexes on relationships (lookups and
// MERGE), and full-text indexes over names, aliases and statement text. Idempotent.

CREATE CONSTRAINT document_id IF NOT EXISTS FOR (n:Document) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT actor_id IF NOT EXISTS FOR (n:Actor) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT institution_id IF NOT EXISTS FOR (n:Institution) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT place_id IF NOT EXISTS FOR (n:Place) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT statement_id IF NOT EXISTS FOR (n:Statement) REQUIRE n.id IS UNIQUE;

CREATE INDEX actor_name IF NOT EXISTS FOR (n:Actor) ON (n.name);
CREATE INDEX institution_name IF NOT EXISTS FOR (n:Institution) ON (n.name);
CREATE INDEX statement_date IF NOT EXISTS FOR (n:Statement) ON (n.date);

CREATE FULLTEXT INDEX entity_fulltext IF NOT EXISTS FOR (n:Actor|Institution|Place) ON EACH [n.name, n.searchText, n.description];
CREATE FULLTEXT INDEX statement_fulltext IF NOT EXISTS FOR (n:Statement) ON EACH [n.text];
CREATE FULLTEXT INDEX document_fulltext IF NOT EXISTS FOR (n:Document) ON EACH [n.title];
