/** CodeMirror completion for Cypher: labels, relationship types and property keys from /api/schema. */
import type { Completion, CompletionContext as CmContext, CompletionResult } from '@codemirror/autocomplete';
import type { SchemaResponse } from '../../../server/domain/api.js';
import { boundVariables, CYPHER_KEYWORDS, detectContext, variableTypes } from './completion-context.js';
import type { Dialect } from './starters.js';

const DIALECT_FUNCTIONS: Record<Dialect, string[]> = {
  kuzu: ['label', 'list_contains', 'date', 'lower', 'upper', 'string_split'],
  neo4j: ['labels', 'type', 'date', 'datetime', 'keys', 'properties', 'elementId', 'split'],
};

export interface SchemaSource {
  schema(): SchemaResponse | null;
  dialect(): Dialect | null;
}

function propertyOptions(schema: SchemaResponse, bound: string | undefined): Completion[] {
  const own = new Set<string>();
  if (bound) {
    const label = schema.labels.find((item) => item.label === bound);
    const type = schema.relationshipTypes.find((item) => item.type === bound);
    for (const key of label?.properties ?? type?.properties ?? []) own.add(key);
  }
  const options: Completion[] = [...own].map((key) => ({
    label: key,
    type: 'property',
    detail: bound,
    boost: 10,
  }));
  for (const key of schema.propertyKeys) if (!own.has(key)) options.push({ label: key, type: 'property' });
  return options;
}

export function cypherCompletion(source: SchemaSource) {
  return (context: CmContext): CompletionResult | null => {
    const before = context.state.sliceDoc(0, context.pos);
    const found = detectContext(before);
    if (!found) return null;
    // A keyword list after one letter would turn `RETURN a` + Enter into `RETURN AND`: wait for two
    // letters (or Ctrl+Space), and offer the query's own variables too.
    if (found.kind === 'keyword' && found.prefix.length < 2 && !context.explicit) return null;
    const schema = source.schema();
    let options: Completion[] = [];
    if (found.kind === 'label') {
      options = (schema?.labels ?? []).map((item) => ({
        label: item.label,
        type: 'class',
        detail: 'label',
      }));
    } else if (found.kind === 'relType') {
      options = (schema?.relationshipTypes ?? []).map((item) => ({
        label: item.type,
        type: 'type',
        detail: 'relationship',
      }));
    } else if (found.kind === 'property') {
      if (!schema) return null;
      const bound = found.variable ? variableTypes(context.state.doc.toString()).get(found.variable) : undefined;
      options = propertyOptions(schema, bound);
    } else {
      const dialect = source.dialect();
      const text = context.state.doc.toString();
      const typedHere = context.state.sliceDoc(found.from, context.pos);
      const variables = boundVariables(text).filter((name) => name !== typedHere);
      options = [
        ...variables.map((name) => ({ label: name, type: 'variable', boost: 20 })),
        ...CYPHER_KEYWORDS.map((word) => ({ label: word, type: /^[a-z]/.test(word) ? 'function' : 'keyword' })),
        ...(dialect ? DIALECT_FUNCTIONS[dialect] : []).map((word) => ({
          label: word,
          type: 'function',
          detail: dialect ?? undefined,
        })),
      ];
    }
    if (options.length === 0) return null;
    return { from: found.from, options, validFor: /^\w*$/ };
  };
}
