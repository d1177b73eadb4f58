// The highest internal offset in one node table ({label}: a known label); null when it is empty.
// Export pages are ranges of offsets up to it (nodes-page.cypher, edges-page.cypher).
MATCH (n{label})
RETURN max(offset(id(n))) AS last
