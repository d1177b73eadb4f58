// Count of relationships per type.
MATCH ()-[e]->() RETURN label(e) AS type, count(*) AS count
