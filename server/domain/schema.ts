/**
 * Property keys per label and relationship type. The store writers SET exactly these keys,
 * and `cypher/{kuzu,neo4j}/schema.cypher` declares exactly these columns (a contract test checks it).
 */
import type { NodeLabel, RelType } from './graph.js';

export type PropType = 'string' | 'int' | 'float' | 'bool' | 'string[]';

const entityProps = {
  name: 'string',
  kind: 'string',
  aliases: 'string[]',
  description: 'string',
  /** name + aliases in one string: the full-text index needs a plain string column. */
  searchText: 'string',
  rule: 'string',
  confidence: 'float',
  evidence: 'string',
} as const satisfies Record<string, PropType>;

export const NODE_PROPS: Record<NodeLabel, Record<string, PropType>> = {
  Document: {
    title: 'string',
    url: 'string',
    publisher: 'string',
    authors: 'string[]',
    published: 'string',
    text: 'string',
    wordCount: 'int',
    contentHash: 'string',
    source: 'string',
  },
  Actor: entityProps,
  Institution: entityProps,
  Place: entityProps,
  Statement: {
    text: 'string',
    kind: 'string',
    date: 'string',
    /** 'text' when the article gives the date, 'published' when it is the publication date. */
    dateSource: 'string',
    speaker: 'string',
    rule: 'string',
    confidence: 'float',
  },
};

const factProps = {
  id: 'string',
  rule: 'string',
  confidence: 'float',
  evidence: 'string',
  date: 'string',
} as const satisfies Record<string, PropType>;

export const REL_PROPS: Record<RelType, Record<string, PropType>> = {
  SAID: factProps,
  ABOUT: factProps,
  REPORTED_IN: { ...factProps, sentence: 'string', startOffset: 'int', endOffset: 'int' },
  MENTIONED_IN: { ...factProps, mentions: 'int', spans: 'string' },
  HOLDS_ROLE: { ...factProps, title: 'string', status: 'string' },
  MEMBER_OF: { ...factProps, role: 'string' },
  AFFILIATED_WITH: { ...factProps, title: 'string' },
  LEADS: { ...factProps, title: 'string' },
  WROTE: factProps,
  CONTACTED: factProps,
  MET: factProps,
  CRITICIZED: factProps,
  URGED: factProps,
  WARNED: factProps,
  SUPPORTS: factProps,
  OPPOSES: factProps,
};

/** Which (from, to) label pairs each relationship type allows. */
const parties: Array<[NodeLabel, NodeLabel]> = [
  ['Actor', 'Actor'],
  ['Actor', 'Institution'],
  ['Institution', 'Actor'],
  ['Institution', 'Institution'],
];
export const REL_ENDPOINTS: Record<RelType, Array<[NodeLabel, NodeLabel]>> = {
  SAID: [
    ['Actor', 'Statement'],
    ['Institution', 'Statement'],
  ],
  ABOUT: [
    ['Statement', 'Actor'],
    ['Statement', 'Institution'],
    ['Statement', 'Place'],
  ],
  REPORTED_IN: [['Statement', 'Document']],
  MENTIONED_IN: [
    ['Actor', 'Document'],
    ['Institution', 'Document'],
    ['Place', 'Document'],
  ],
  HOLDS_ROLE: [
    ['Actor', 'Actor'],
    ['Actor', 'Institution'],
  ],
  MEMBER_OF: [
    ['Actor', 'Institution'],
    ['Institution', 'Institution'],
  ],
  AFFILIATED_WITH: [['Actor', 'Institution']],
  LEADS: [['Actor', 'Institution']],
  WROTE: [['Actor', 'Document']],
  CONTACTED: parties,
  MET: parties,
  CRITICIZED: parties,
  URGED: parties,
  WARNED: parties,
  SUPPORTS: parties,
  OPPOSES: parties,
};
