/**
 * What the statement rules ask of the document to find who speaks: the top official of a state
 * (from the roles this document states, else the gazetteer's), who holds a role, each person's
 * gender as the text tells it, and the last person before a position a pronoun can mean.
 */
import { canMean, gendersOf } from '../extract/gender.js';
import { lastMentionBefore } from '../extract/mention-index.js';
import type { ExtractedRole } from '../extract/roles.js';
import type { SpeakerContext } from '../extract/speakers.js';
import { HEAD_TITLES } from '../vocabulary/titles.js';
import type { DocumentContext } from './document-context.js';

/** A title that makes its holder the one "the president" or "the government" speaks through. */
const HEAD_TITLE_PATTERN = new RegExp(HEAD_TITLES.join('|'), 'i');

export interface DocumentSpeakers extends SpeakerContext {
  /** The last person (not an author) mentioned before a position that the pronoun can mean. */
  lastPersonBefore(position: number, pronoun?: string): string | undefined;
}

export function speakerContext(
  context: DocumentContext,
  roles: ExtractedRole[],
  authorKeys: Set<string>,
): DocumentSpeakers {
  const { entities, mentions } = context;
  const isPerson = (key: string) => entities.kindOf(key) === 'person';
  const isAuthor = (key: string) => authorKeys.has(key);
  const genders = gendersOf(context.text, context.sentences, mentions, isPerson);
  // The entities the document mentions, in the order of their first mention (asked for each statement).
  const mentioned = [...new Set(mentions.map((mention) => mention.entityKey))];
  const lastPersonBefore = (position: number, pronoun?: string) =>
    lastMentionBefore(
      mentions,
      position,
      (m) => isPerson(m.entityKey) && !isAuthor(m.entityKey) && canMean(pronoun, genders.get(m.entityKey)),
    )?.entityKey;
  return {
    mentions,
    kindOf: (key) => entities.kindOf(key),
    topOfficialOf: (stateKey, title) => topOfficialOf(context, roles, mentioned, stateKey, title),
    lastSpeakerBefore: lastPersonBefore,
    lastPersonBefore,
    genderOf: (key) => genders.get(key),
    isAuthor,
    holderOf: (targetKey, word) =>
      roles.find((role) => role.targetKey === targetKey && role.title.toLowerCase().includes(word.toLowerCase()))
        ?.personKey,
  };
}

/** The person holding the state's top office ("the president said"), by this document's roles or the gazetteer. */
function topOfficialOf(
  context: DocumentContext,
  roles: ExtractedRole[],
  mentioned: string[],
  stateKey: string,
  title?: string,
): string | undefined {
  const { entities } = context;
  const stated = roles.find(
    (role) =>
      role.targetKey === stateKey &&
      role.type === 'HOLDS_ROLE' &&
      role.status === 'current' &&
      (!title || role.title.toLowerCase() === title.toLowerCase()) &&
      HEAD_TITLE_PATTERN.test(role.title),
  )?.personKey;
  if (stated) return stated;
  const stateName = entities.get(stateKey)?.name;
  return mentioned.find((key) =>
    entities.get(key)?.gazetteer?.roles.some((r) => r.of === stateName && (!title || r.title === title)),
  );
}
