/**
 * Which people of a document "he" and "she" can mean, from what the document itself says:
 * "Mr." / "Ms.", a spokeswoman or a chairman, or a sentence that opens with "He" / "His" / "She" /
 * "Her" right after a sentence that names one person only. Unknown is compatible with both.
 */
import type { ResolvedMention } from '../resolve/entities.js';
import type { Sentence } from './sentences.js';

export type Gender = 'male' | 'female';

export function pronounGender(word: string | undefined): Gender | undefined {
  if (!word) return undefined;
  if (/^(?:he|his|him|himself)$/i.test(word)) return 'male';
  if (/^(?:she|her|hers|herself)$/i.test(word)) return 'female';
  return undefined;
}

/** Whether a pronoun ("she") can mean a person of this gender; unknown fits both, no pronoun fits all. */
export function canMean(pronoun: string | undefined, gender: Gender | undefined): boolean {
  const wanted = pronounGender(pronoun);
  return !wanted || !gender || gender === wanted;
}

function cueBefore(text: string, mention: ResolvedMention): Gender | undefined {
  const before = text.slice(Math.max(0, mention.start - 40), mention.start);
  const title = mention.title ?? '';
  if (/^(?:Mr|Sir|Lord)$/.test(title) || /\b(?:Mr\.?|spokesman|chairman|congressman|businessman)\s+$/.test(before))
    return 'male';
  if (
    /^(?:Mrs|Ms|Miss|Dame|Lady)$/.test(title) ||
    /\b(?:Mrs\.?|Ms\.?|spokeswoman|chairwoman|congresswoman|businesswoman)\s+$/.test(before)
  )
    return 'female';
  const after = text.slice(mention.end, mention.end + 40);
  if (/^,\s+(?:a|the)\s+(?:[\w-]+\s+){0,2}?(?:spokesman|chairman)\b/.test(after)) return 'male';
  if (/^,\s+(?:a|the)\s+(?:[\w-]+\s+){0,2}?(?:spokeswoman|chairwoman)\b/.test(after)) return 'female';
  return undefined;
}

export function gendersOf(
  text: string,
  sentences: Sentence[],
  mentions: ResolvedMention[],
  isPerson: (key: string) => boolean,
): Map<string, Gender> {
  const genders = new Map<string, Gender>();
  const people = mentions.filter((m) => isPerson(m.entityKey));
  for (const mention of people) {
    const cue = cueBefore(text, mention);
    if (cue && !genders.has(mention.entityKey)) genders.set(mention.entityKey, cue);
  }
  // "When Qiao arrived …. His visit …": one person named, then a pronoun opening the next sentence.
  // People by sentence, in one pass (mentions and sentences are both in text order).
  const bySentence = new Map<number, Set<string>>();
  let at = 0;
  for (const mention of [...people].sort((a, b) => a.start - b.start)) {
    while (at < sentences.length && sentences[at].end < mention.end) at += 1;
    const sentence = sentences[at];
    if (!sentence || mention.start < sentence.start) continue;
    bySentence.set(at, (bySentence.get(at) ?? new Set<string>()).add(mention.entityKey));
  }
  sentences.forEach((sentence, index) => {
    const gender = pronounGender(/^(\p{L}+)/u.exec(sentence.text)?.[1]);
    const previous = sentences[index - 1];
    if (!gender || !previous || previous.paragraph !== sentence.paragraph) return;
    const named = bySentence.get(index - 1) ?? new Set<string>();
    if (named.size === 1) {
      const key = [...named][0];
      if (!genders.has(key)) genders.set(key, gender);
    }
  });
  return genders;
}
