/**
 * What a stage test feeds a stage: a small gazetteer of invented places and people, and a short
 * text run through the stages before the one under test (sentences, mentions, resolution), so
 * that each test calls its own stage directly and a broken rule names the stage it is in.
 */
import { CorpusEntities } from '../../../../server/importer/assemble/corpus-entities.js';
import { DocumentContext } from '../../../../server/importer/assemble/document-context.js';
import { findMentions } from '../../../../server/importer/extract/mentions.js';
import { buildGazetteer, type Gazetteer } from '../../../../server/importer/gazetteer.js';
import type { SourceDocument } from '../../../../server/importer/read/types.js';
import { resolveEntities, type Entity } from '../../../../server/importer/resolve/entities.js';

export const GAZETTEER: Gazetteer = buildGazetteer({
  states: [
    { name: 'Ruritania', capitals: ['Strelsau'], adjectives: ['Ruritanian'] },
    { name: 'Borduria', aliases: ['Republic of Borduria'], capitals: ['Szohod'], adjectives: ['Bordurian'] },
  ],
  institutions: [
    { name: 'Danube Council', aliases: ['DC'], kind: 'intergovernmental' },
    { name: 'Ruritanian Foreign Ministry', aliases: ['Ruritania’s Foreign Ministry'], kind: 'government' },
  ],
  people: [{ name: 'Ilse Marenko', roles: [{ title: 'Foreign Minister', of: 'Ruritania' }] }],
  places: [{ name: 'Lake Vel', kind: 'region' }],
});

export function documentOf(text: string, authors: string[] = []): SourceDocument {
  return {
    path: '/stage-test.txt',
    fileName: 'stage-test.txt',
    format: 'txt',
    title: 'Stage test',
    text,
    published: '2025-03-14',
    authors,
    url: null,
    publisher: 'Stage Wire',
  };
}

/** The text after the mention and resolution stages, as the later stages see it. */
export interface Prepared {
  context: DocumentContext;
  /** The display name of an entity key (what the assertions speak of). */
  nameOf(key: string | null | undefined): string | undefined;
  entities: Map<string, Entity>;
}

export function prepare(text: string, authors: string[] = []): Prepared {
  const document = documentOf(text, authors);
  const mentions = findMentions(text, GAZETTEER);
  const resolved = resolveEntities([{ mentions, authors }], GAZETTEER);
  const context = new DocumentContext(document, resolved.mentions[0], new CorpusEntities(resolved.entities, GAZETTEER));
  return {
    context,
    entities: resolved.entities,
    nameOf: (key) => (key ? resolved.entities.get(key)?.name : undefined),
  };
}
