/**
 * Words that make a name an organisation, or stand for one.
 * General English news vocabulary, not tuned to any article.
 */

/** Organisation heads that do not say which kind of organisation (see INSTITUTION_KIND_WORDS for those that do). */
const GENERIC_ORG_WORDS = [
  'Group',
  'Council',
  'Committee',
  'Commission',
  'Organization',
  'Organisation',
  'Union',
  'Bank',
  'Fund',
  'Party',
  'Assembly',
  'Service',
  'Services',
  'Corporation',
  'Company',
  'Association',
  'Society',
  'Authority',
  'Board',
  'Alliance',
  'Coalition',
  'Movement',
  'Front',
  'Network',
  'Guardian',
  'Initiative',
  'Programme',
  'Program',
  'Forum',
  'Observatory',
  'Academy',
  'School',
  'College',
  'Laboratory',
  'Mission',
  'Staff',
  'Club',
  'Federation',
  'Chamber',
  'Trust',
  'Partners',
  'Inc',
  'Ltd',
  'LLC',
];

/** "The ministry said": nouns that stand for the last institution named with that word. */
export const INSTITUTION_NOUNS = new Set([
  'ministry',
  'department',
  'agency',
  'council',
  'committee',
  'commission',
  'government',
  'foundation',
  'institute',
  'organization',
  'organisation',
  'group',
  'union',
  'army',
  'office',
  'embassy',
  'party',
  'parliament',
  'court',
  'company',
  'bank',
  'fund',
  'alliance',
  'mission',
  'secretariat',
  'administration',
]);

/** Nouns that make a one-word name a company or a group ("Maersk, the Danish shipping giant"); a regular-expression alternation. */
export const COMPANY_NOUNS =
  'company|giant|firm|operator|group|conglomerate|producer|manufacturer|maker|carrier|airline|bank|lender|insurer|broadcaster|newspaper|daily|agency|militia|movement|party|organisation|organization|foundation|charity|think tank|startup|start-up|utility|exporter|importer|miner|refiner';

/**
 * The kind of an organisation by a word of its name, checked in this order (extract/mentions.ts):
 * "Army Command" is military before it is government.
 */
export const INSTITUTION_KIND_WORDS: ReadonlyArray<readonly [string, ReadonlySet<string>]> = [
  [
    'military',
    new Set([
      'Army',
      'Navy',
      'Forces',
      'Force',
      'Corps',
      'Brigade',
      'Division',
      'Battalion',
      'Regiment',
      'Command',
      'Guard',
    ]),
  ],
  [
    'government',
    new Set([
      'Ministry',
      'Department',
      'Government',
      'Administration',
      'Cabinet',
      'Parliament',
      'Senate',
      'Congress',
      'Office',
      'Agency',
      'Bureau',
      'Police',
      'Secretariat',
      'Court',
    ]),
  ],
  ['think_tank', new Set(['Institute', 'Endowment', 'Center', 'Centre', 'Foundation', 'Institution', 'University'])],
  [
    'media',
    new Set([
      'Times',
      'Post',
      'News',
      'Press',
      'Herald',
      'Journal',
      'Tribune',
      'Gazette',
      'Television',
      'Radio',
      'Broadcasting',
    ]),
  ],
];

/** Organisation heads: a capitalised sequence ending in one of these is an organisation. */
export const ORG_WORDS: ReadonlySet<string> = new Set([
  ...GENERIC_ORG_WORDS,
  ...INSTITUTION_KIND_WORDS.flatMap(([, kindWords]) => [...kindWords]),
]);
