// Count of nodes per label.
MATCH (n) RETURN label(n) AS label, count(*) AS count
