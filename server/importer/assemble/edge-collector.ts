/**
 * Collects edges by id: the same fact stated twice (in two sentences or two documents) is one
 * edge whose evidence lists every sentence. Edges whose endpoints the schema does not allow, and
 * self-loops, are dropped here so no rule can produce them.
 */
import { encodeEvidence, type Evidence, type GraphEdge, type Properties } from '../../domain/graph.js';
import { REL_ENDPOINTS } from '../../domain/schema.js';

export class EdgeCollector {
  private readonly edges = new Map<string, GraphEdge>();
  private readonly evidence = new Map<string, Map<string, Evidence>>();

  add(edge: Omit<GraphEdge, 'properties'> & { properties: Properties }, evidence: Evidence[] = []): void {
    const allowed = REL_ENDPOINTS[edge.type].some(([from, to]) => from === edge.sourceLabel && to === edge.targetLabel);
    if (!allowed || edge.source === edge.target) return;
    const existing = this.edges.get(edge.id);
    if (existing) {
      const confidence = Math.max(Number(existing.properties.confidence ?? 0), Number(edge.properties.confidence ?? 0));
      existing.properties = { ...edge.properties, ...existing.properties, confidence };
      if (!existing.properties.date && edge.properties.date) existing.properties.date = edge.properties.date;
    } else {
      this.edges.set(edge.id, { ...edge, properties: { ...edge.properties } });
      this.evidence.set(edge.id, new Map());
    }
    const items = this.evidence.get(edge.id)!;
    for (const item of evidence) items.set(`${item.documentId}:${item.start}`, item);
  }

  /** Everything another collector holds, as if its edges had been added here in the same order. */
  addFrom(other: EdgeCollector): void {
    for (const [id, edge] of other.edges) this.add(edge, [...other.evidence.get(id)!.values()]);
  }

  get size(): number {
    return this.edges.size;
  }

  all(): GraphEdge[] {
    return [...this.edges.values()].map((edge) => {
      const items = [...this.evidence.get(edge.id)!.values()];
      return {
        ...edge,
        properties: {
          ...edge.properties,
          evidence: items.length > 0 ? encodeEvidence(items) : (edge.properties.evidence ?? null),
        },
      };
    });
  }
}
