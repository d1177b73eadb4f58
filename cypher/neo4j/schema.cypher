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

// Relationship ids, one range index per type: lookups by id (findEdges) and the export's pages,
// which read each type in id order after the last id of the page before (without an index every
// page scanned and sorted the whole type).
CREATE INDEX said_id IF NOT EXISTS FOR ()-[e:SAID]-() ON (e.id);
CREATE INDEX about_id IF NOT EXISTS FOR ()-[e:ABOUT]-() ON (e.id);
CREATE INDEX reported_in_id IF NOT EXISTS FOR ()-[e:REPORTED_IN]-() ON (e.id);
CREATE INDEX mentioned_in_id IF NOT EXISTS FOR ()-[e:MENTIONED_IN]-() ON (e.id);
CREATE INDEX holds_role_id IF NOT EXISTS FOR ()-[e:HOLDS_ROLE]-() ON (e.id);
CREATE INDEX member_of_id IF NOT EXISTS FOR ()-[e:MEMBER_OF]-() ON (e.id);
CREATE INDEX affiliated_with_id IF NOT EXISTS FOR ()-[e:AFFILIATED_WITH]-() ON (e.id);
CREATE INDEX leads_id IF NOT EXISTS FOR ()-[e:LEADS]-() ON (e.id);
CREATE INDEX wrote_id IF NOT EXISTS FOR ()-[e:WROTE]-() ON (e.id);
CREATE INDEX contacted_id IF NOT EXISTS FOR ()-[e:CONTACTED]-() ON (e.id);
CREATE INDEX met_id IF NOT EXISTS FOR ()-[e:MET]-() ON (e.id);
CREATE INDEX criticized_id IF NOT EXISTS FOR ()-[e:CRITICIZED]-() ON (e.id);
CREATE INDEX urged_id IF NOT EXISTS FOR ()-[e:URGED]-() ON (e.id);
CREATE INDEX warned_id IF NOT EXISTS FOR ()-[e:WARNED]-() ON (e.id);
CREATE INDEX supports_id IF NOT EXISTS FOR ()-[e:SUPPORTS]-() ON (e.id);
CREATE INDEX opposes_id IF NOT EXISTS FOR ()-[e:OPPOSES]-() ON (e.id);

CREATE FULLTEXT INDEX entity_fulltext IF NOT EXISTS FOR (n:Actor|Institution|Place) ON EACH [n.name, n.searchText, n.description];
CREATE FULLTEXT INDEX statement_fulltext IF NOT EXISTS FOR (n:Statement) ON EACH [n.text];
CREATE FULLTEXT INDEX document_fulltext IF NOT EXISTS FOR (n:Document) ON EACH [n.title];
