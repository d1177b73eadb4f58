// actorgraph schema for Kuzu. One node table per label, one rel table per relationship type.
// Columns must match server/domain/schema.ts (test/contract checks it). Statements end with ';'.

CREATE NODE TABLE IF NOT EXISTS Document(id STRING PRIMARY KEY, title STRING, url STRING, publisher STRING, authors STRING[], published STRING, text STRING, wordCount INT64, contentHash STRING, source STRING);
CREATE NODE TABLE IF NOT EXISTS Actor(id STRING PRIMARY KEY, name STRING, kind STRING, aliases STRING[], description STRING, searchText STRING, rule STRING, confidence DOUBLE, evidence STRING);
CREATE NODE TABLE IF NOT EXISTS Institution(id STRING PRIMARY KEY, name STRING, kind STRING, aliases STRING[], description STRING, searchText STRING, rule STRING, confidence DOUBLE, evidence STRING);
CREATE NODE TABLE IF NOT EXISTS Place(id STRING PRIMARY KEY, name STRING, kind STRING, aliases STRING[], description STRING, searchText STRING, rule STRING, confidence DOUBLE, evidence STRING);
CREATE NODE TABLE IF NOT EXISTS Statement(id STRING PRIMARY KEY, text STRING, kind STRING, date STRING, dateSource STRING, speaker STRING, rule STRING, confidence DOUBLE);

CREATE REL TABLE IF NOT EXISTS SAID(FROM Actor TO Statement, FROM Institution TO Statement, id STRING, rule STRING, confidence DOUBLE, evidence STRING, date STRING);
CREATE REL TABLE IF NOT EXISTS ABOUT(FROM Statement TO Actor, FROM Statement TO Institution, FROM Statement TO Place, id STRING, rule STRING, confidence DOUBLE, evidence STRING, date STRING);
CREATE REL TABLE IF NOT EXISTS REPORTED_IN(FROM Statement TO Document, id STRING, rule STRING, confidence DOUBLE, evidence STRING, date STRING, sentence STRING, startOffset INT64, endOffset INT64);
CREATE REL TABLE IF NOT EXISTS MENTIONED_IN(FROM Actor TO Document, FROM Institution TO Document, FROM Place TO Document, id STRING, rule STRING, confidence DOUBLE, evidence STRING, date STRING, mentions INT64, spans STRING);
CREATE REL TABLE IF NOT EXISTS HOLDS_ROLE(FROM Actor TO Actor, FROM Actor TO Institution, id STRING, rule STRING, confidence DOUBLE, evidence STRING, date STRING, title STRING, status STRING);
CREATE REL TABLE IF NOT EXISTS MEMBER_OF(FROM Actor TO Institution, FROM Institution TO Institution, id STRING, rule STRING, confidence DOUBLE, evidence STRING, date STRING, role STRING);
CREATE REL TABLE IF NOT EXISTS AFFILIATED_WITH(FROM Actor TO Institution, id STRING, rule STRING, confidence DOUBLE, evidence STRING, date STRING, title STRING);
CREATE REL TABLE IF NOT EXISTS LEADS(FROM Actor TO Institution, id STRING, rule STRING, confidence DOUBLE, evidence STRING, date STRING, title STRING);
CREATE REL TABLE IF NOT EXISTS WROTE(FROM Actor TO Document, id STRING, rule STRING, confidence DOUBLE, evidence STRING, date STRING);
CREATE REL TABLE IF NOT EXISTS CONTACTED(FROM Actor TO Actor, FROM Actor TO Institution, FROM Institution TO Actor, FROM Institution TO Institution, id STRING, rule STRING, confidence DOUBLE, evidence STRING, date STRING);
CREATE REL TABLE IF NOT EXISTS MET(FROM Actor TO Actor, FROM Actor TO Institution, FROM Institution TO Actor, FROM Institution TO Institution, id STRING, rule STRING, confidence DOUBLE, evidence STRING, date STRING);
CREATE REL TABLE IF NOT EXISTS CRITICIZED(FROM Actor TO Actor, FROM Actor TO Institution, FROM Institution TO Actor, FROM Institution TO Institution, id STRING, rule STRING, confidence DOUBLE, evidence STRING, date STRING);
CREATE REL TABLE IF NOT EXISTS URGED(FROM Actor TO Actor, FROM Actor TO Institution, FROM Institution TO Actor, FROM Institution TO Institution, id STRING, rule STRING, confidence DOUBLE, evidence STRING, date STRING);
CREATE REL TABLE IF NOT EXISTS WARNED(FROM Actor TO Actor, FROM Actor TO Institution, FROM Institution TO Actor, FROM Institution TO Institution, id STRING, rule STRING, confidence DOUBLE, evidence STRING, date STRING);
CREATE REL TABLE IF NOT EXISTS SUPPORTS(FROM Actor TO Actor, FROM Actor TO Institution, FROM Institution TO Actor, FROM Institution TO Institution, id STRING, rule STRING, confidence DOUBLE, evidence STRING, date STRING);
CREATE REL TABLE IF NOT EXISTS OPPOSES(FROM Actor TO Actor, FROM Actor TO Institution, FROM Institution TO Actor, FROM Institution TO Institution, id STRING, rule STRING, confidence DOUBLE, evidence STRING, date STRING);
