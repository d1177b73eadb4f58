// Count of relationships per type.
MATCH ()-[e]->() RETURN type(e) AS type, count(*) AS count
