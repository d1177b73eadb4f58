/**
 * Applies the curation file to an extracted batch: merge entities, rename, set a kind, remove a
 * wrong fact or entity, add a fact by hand. Curated facts carry rule "curated", confidence 1 and
 * the analyst's note as their evidence. Corrections that name nothing in the batch are reported.
 */
import { encodeEvidence, type GraphBatch, type GraphEdge, type GraphNode } from '../../domain/graph.js';
import { REL_ENDPOINTS } from '../../domain/schema.js';
import { searchTextOf } from '../../domain/search-text.js';
import { edgeId, reattachedEdgeId, titleQualifier } from '../ids.js';
import type { Correction } from './curation-file.js';

const ENTITY_LABELS = new Set(['Actor', 'Institution', 'Place']);

export interface CurationResult {
  batch: GraphBatch;
  applied: number;
  warnings: string[];
}

function findEntity(nodes: Map<string, GraphNode>, name: string): GraphNode | undefined {
  const wanted = name.toLowerCase();
  for (const node of nodes.values()) {
    if (!ENTITY_LABELS.has(node.label)) continue;
    const aliases = Array.isArray(node.properties.aliases) ? node.properties.aliases : [];
    if (
      node.id === name ||
      String(node.properties.name).toLowerCase() === wanted ||
      aliases.some((alias) => alias.toLowerCase() === wanted)
    )
      return node;
  }
  return undefined;
}

function setNameAndAliases(node: GraphNode, name: string, extraAliases: string[]): void {
  const aliases = new Set([
    ...(Array.isArray(node.properties.aliases) ? node.properties.aliases : []),
    ...extraAliases,
  ]);
  aliases.delete(name);
  node.properties.name = name;
  node.properties.aliases = [...aliases].sort();
  node.properties.searchText = searchTextOf(name, node.properties.aliases);
}

function rekey(edge: GraphEdge, from: string, to: string, label: GraphNode['label']): GraphEdge {
  const source = edge.source === from ? to : edge.source;
  const target = edge.target === from ? to : edge.target;
  return {
    ...edge,
    id: reattachedEdgeId(edge, source, target),
    source,
    target,
    sourceLabel: edge.source === from ? label : edge.sourceLabel,
    targetLabel: edge.target === from ? label : edge.targetLabel,
  };
}

export function applyCuration(input: GraphBatch, corrections: Correction[]): CurationResult {
  const nodes = new Map(input.nodes.map((node) => [node.id, { ...node, properties: { ...node.properties } }]));
  let edges = input.edges.map((edge) => ({ ...edge, properties: { ...edge.properties } }));
  const warnings: string[] = [];
  let applied = 0;
  const missing = (what: string, name: string) =>
    warnings.push(`curation: ${what}: no entity named "${name}" in this import`);

  for (const correction of corrections) {
    if ('merge' in correction) {
      const keepName = correction.into ?? correction.merge[0];
      const keep = findEntity(nodes, keepName);
      if (!keep) {
        missing('merge', keepName);
        continue;
      }
      for (const name of correction.merge) {
        const other = findEntity(nodes, name);
        if (!other || other.id === keep.id) continue;
        setNameAndAliases(keep, String(keep.properties.name), [
          String(other.properties.name),
          ...(Array.isArray(other.properties.aliases) ? other.properties.aliases : []),
        ]);
        edges = edges.map((edge) =>
          edge.source === other.id || edge.target === other.id ? rekey(edge, other.id, keep.id, keep.label) : edge,
        );
        nodes.delete(other.id);
      }
      if (correction.into) setNameAndAliases(keep, correction.into, []);
      applied += 1;
    } else if ('rename' in correction) {
      const node = findEntity(nodes, correction.rename);
      if (!node) missing('rename', correction.rename);
      else {
        setNameAndAliases(node, correction.to, [String(node.properties.name)]);
        applied += 1;
      }
    } else if ('set_kind' in correction) {
      const node = findEntity(nodes, correction.set_kind);
      if (!node) missing('set_kind', correction.set_kind);
      else {
        node.properties.kind = correction.kind;
        applied += 1;
      }
    } else if ('remove' in correction) {
      const target = correction.remove;
      if ('entity' in target) {
        const node = findEntity(nodes, target.entity);
        if (!node) missing('remove', target.entity);
        else {
          nodes.delete(node.id);
          edges = edges.filter((edge) => edge.source !== node.id && edge.target !== node.id);
          applied += 1;
        }
      } else {
        const source = findEntity(nodes, target.source);
        const to = findEntity(nodes, target.target);
        if (!source || !to) missing('remove', !source ? target.source : target.target);
        else {
          const before = edges.length;
          edges = edges.filter(
            (edge) =>
              !(edge.source === source.id && edge.target === to.id && (!target.type || edge.type === target.type)),
          );
          if (edges.length < before) applied += 1;
          else
            warnings.push(
              `curation: remove: no ${target.type ?? 'relationship'} from "${target.source}" to "${target.target}" in this import`,
            );
        }
      }
    } else {
      const fact = correction.add;
      const source = findEntity(nodes, fact.source);
      const target = findEntity(nodes, fact.target);
      if (!source || !target) {
        missing('add', !source ? fact.source : fact.target);
        continue;
      }
      if (!REL_ENDPOINTS[fact.type].some(([from, to]) => from === source.label && to === target.label)) {
        warnings.push(`curation: add: ${fact.type} cannot go from ${source.label} to ${target.label}`);
        continue;
      }
      const id = edgeId(fact.type, source.id, target.id, fact.title ? titleQualifier(fact.title) : fact.role);
      edges = edges.filter((edge) => edge.id !== id);
      edges.push({
        id,
        type: fact.type,
        source: source.id,
        target: target.id,
        sourceLabel: source.label,
        targetLabel: target.label,
        properties: {
          rule: 'curated',
          confidence: 1,
          date: fact.date ?? null,
          evidence: encodeEvidence([{ documentId: 'curation', sentence: correction.note, start: 0, end: 0 }]),
          ...(fact.title ? { title: fact.title, status: 'current' } : {}),
          ...(fact.role ? { role: fact.role } : {}),
        },
      });
      applied += 1;
    }
  }

  // Merges can make two edges one: keep one per id, with the evidence of both.
  const byId = new Map<string, GraphEdge>();
  for (const edge of edges) {
    const seen = byId.get(edge.id);
    if (!seen) byId.set(edge.id, edge);
    else {
      const evidence = [seen.properties.evidence, edge.properties.evidence]
        .filter((e): e is string => typeof e === 'string')
        .flatMap((e) => JSON.parse(e) as unknown[]);
      seen.properties.evidence = evidence.length > 0 ? JSON.stringify(evidence) : null;
    }
  }
  const removed = new Set(input.nodes.map((node) => node.id).filter((id) => !nodes.has(id)));
  const kept = [...byId.values()].filter(
    (edge) => edge.source !== edge.target && !removed.has(edge.source) && !removed.has(edge.target),
  );
  return { batch: { nodes: [...nodes.values()], edges: kept }, applied, warnings };
}
