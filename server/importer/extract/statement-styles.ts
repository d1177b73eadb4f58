/**
 * Statements in the styles beyond "X said": commentary and analysis ("In X's view, …", "as X
 * notes, …", "…, writes X."), wire copy ("…, he said." after a paraphrase), press releases
 * ("X considered it necessary to …"), and interviews (speaker labels or Q/A turns, where every
 * answer is the interviewee's). Each finder takes one sentence or the whole text and returns
 * statements in the shape the main extractor uses.
 */
import { ACTOR_KINDS } from '../../domain/graph.js';
import type { ResolvedMention } from '../resolve/entities.js';
import { mentionsStartingIn, mentionsWithin } from './mention-index.js';
import type { Sentence } from './sentences.js';
import type { ExtractedStatement } from './statements.js';
import { speakerEndingAt, type FoundSpeaker, type SpeakerContext } from './speakers.js';

const SPEAKING_KINDS = new Set<string>([...ACTOR_KINDS, 'institution']);

/** The first mention of a speaking kind that starts in [from, to). */
function speakerIn(context: SpeakerContext, from: number, to: number): ResolvedMention | undefined {
  return mentionsStartingIn(context.mentions, from, to - 1).find((m) =>
    SPEAKING_KINDS.has(context.kindOf(m.entityKey) ?? ''),
  );
}

/** "TBILISI, May 3 (Meridian) - ", "ASTANA - ": the agency's dateline is not what was said. */
const DATELINE = /^\p{Lu}[\p{Lu} .'’-]+(?:,\s+[^-—–(]{3,30})?(?:\s*\([^)]{1,40}\))?\s+[-—–]{1,2}\s+/u;

function personIn(context: SpeakerContext, from: number, to: number): ResolvedMention | undefined {
  return mentionsStartingIn(context.mentions, from, to - 1).find((m) => context.kindOf(m.entityKey) === 'person');
}

function clauseText(text: string): string {
  return text
    .trim()
    .replace(/^that\s+/i, '')
    .replace(/[.;:]+\s*$/, '')
    .trim();
}

function statement(
  sentence: Sentence,
  text: string,
  speaker: FoundSpeaker,
  rule: string,
  kind: 'quote' | 'reported' = 'reported',
): ExtractedStatement {
  return {
    text,
    kind,
    speakerKey: speaker.entityKey,
    start: sentence.start,
    end: sentence.end,
    rule,
    confidence: speaker.confidence,
  };
}

const VIEW =
  /^(?:In|in)\s+(?:the\s+)?(his|her|.{2,60}?['’]s?)\s+(?:view|opinion|words|assessment|estimation|analysis|reading),\s+/u;
const AS_NOTES =
  /^(?:As|as)\s+(.{2,60}?)\s+(?:notes|noted|puts it|put it|argues|argued|writes|wrote|observes|observed|points out|pointed out|explains|explained|says|said),\s+/u;
const VERBS_AFTER =
  'writes|wrote|argues|argued|notes|noted|says|said|adds|added|explains|explained|believes|contends|warns|warned';
/** "…, writes Ana Perez." / "…, Perez argues." / "…, he said." at the end of a sentence. */
const ATTRIBUTION_AT_END = new RegExp(
  `,\\s+(?:(?:${VERBS_AFTER})\\s+(.{2,80}?)|(.{2,60}?)\\s+(?:also\\s+)?(?:${VERBS_AFTER})(?:\\s+(?:on|in|at|last|this|late|early|during|after|before|yesterday|today)\\b[^,.]{0,100})?)(?:,\\s+[^,]{0,80})?\\s*[.!]?$`,
  'u',
);
const PRONOUN = /^(?:he|she|He|She)$/;
const SPEAKER_SHAPE =
  /^(?:he|she|He|She|(?:the|The)\s+[a-z]+(?:\s+[a-z]+)?|(?:[\p{Lu}][\p{L}.'’-]*\s+){0,5}[\p{Lu}][\p{L}.'’-]*)$/u;

/**
 * Commentary and wire paraphrase in one sentence: "In Perez's view, the bloc …", "As Perez notes,
 * the bloc …", "The bloc has lost its leverage, writes Perez.", "Talks will resume, he said."
 */
export function commentaryStatements(sentence: Sentence, context: SpeakerContext): ExtractedStatement | undefined {
  if (/[“”"]/.test(sentence.text)) return undefined;
  const lead = VIEW.exec(sentence.text) ?? AS_NOTES.exec(sentence.text);
  if (lead) {
    const from = sentence.start + lead[0].indexOf(lead[1]);
    const pronoun = /^(?:his|her)$/.test(lead[1]) ? context.lastSpeakerBefore(sentence.start, lead[1]) : undefined;
    const mention = pronoun ? { entityKey: pronoun } : speakerIn(context, from, from + lead[1].length);
    const clause = clauseText(sentence.text.slice(lead[0].length));
    if (mention && clause.length >= 12) {
      return statement(
        sentence,
        clause,
        { entityKey: mention.entityKey, rule: 'speaker:name', confidence: 0.75 },
        VIEW.test(sentence.text) ? 'reported:in-view' : 'reported:as-notes',
      );
    }
  }
  const end = ATTRIBUTION_AT_END.exec(sentence.text);
  if (end) {
    const who = (end[1] ?? end[2]).trim();
    // "…, writes Ana Perez" / "…, he said": who speaks is a name, a pronoun or "the ministry", not
    // a clause ("said Budapest would decide …" is the verb's object, read elsewhere).
    if (!SPEAKER_SHAPE.test(who)) return undefined;
    const clause = clauseText(sentence.text.slice(0, end.index).replace(DATELINE, ''));
    if (clause.length < 12 || /^(?:but|and|or|so)\b/i.test(clause) || clause.split(/\s+/).length < 4) return undefined;
    let speaker: FoundSpeaker | undefined;
    if (PRONOUN.test(who)) {
      const key = context.lastSpeakerBefore(sentence.start + end.index, who);
      if (key) speaker = { entityKey: key, rule: 'speaker:pronoun', confidence: 0.7 };
    } else {
      const at = sentence.start + end.index + end[0].indexOf(who);
      // "…, Kazakh Transport Minister Daulet Orazgaliyev said": the person, not what stands before.
      const mention = personIn(context, at, at + who.length) ?? speakerIn(context, at, at + who.length);
      if (mention) speaker = { entityKey: mention.entityKey, rule: 'speaker:name', confidence: 0.75 };
    }
    if (speaker) return statement(sentence, clause, speaker, 'reported:attribution-after');
  }
  return undefined;
}

/** Press releases and readouts: "X considered it necessary to …", "deemed it important that …". */
const STANCE =
  /\b(?:considered|considers|deemed|deems|found|finds)\s+it\s+(?:necessary|important|essential|vital|crucial|imperative|possible|impossible|unacceptable|inadmissible|expedient|appropriate|urgent)\b/;

export function stanceStatement(
  text: string,
  sentence: Sentence,
  context: SpeakerContext,
): ExtractedStatement | undefined {
  const match = STANCE.exec(sentence.text);
  if (!match) return undefined;
  const at = sentence.start + match.index;
  const speaker = speakerEndingAt(text, sentence.start, at, context);
  if (!speaker) return undefined;
  const clause = clauseText(text.slice(at, sentence.end));
  return statement(sentence, clause, speaker, 'reported:stance');
}

/** "Q: …" / "A: …", or "Name: …" at the start of a paragraph. */
const TURN = /^(?:(Q|A|Question|Answer)|([\p{Lu}][\p{L}.'’-]+(?:\s[\p{Lu}][\p{L}.'’-]+){0,3}))\s*[:—–]\s+(?=\S)/u;

interface Turn {
  start: number;
  /** Where the words start, after the label. */
  body: number;
  end: number;
  role: 'question' | 'answer' | 'named';
  label: string;
}

function turnsOf(text: string, sentences: Sentence[]): Turn[] {
  // Each paragraph's first sentence and where it ends, in one pass.
  const paragraphs = new Map<number, { first: Sentence; end: number }>();
  for (const sentence of sentences) {
    const known = paragraphs.get(sentence.paragraph);
    if (known) known.end = Math.max(known.end, sentence.end);
    else paragraphs.set(sentence.paragraph, { first: sentence, end: sentence.end });
  }
  const turns: Turn[] = [];
  for (const { first, end: lineEnd } of paragraphs.values()) {
    const match = TURN.exec(text.slice(first.start, lineEnd));
    if (!match) continue;
    const qa = match[1];
    const role = qa ? (/^(?:A|Answer)$/.test(qa) ? 'answer' : 'question') : 'named';
    turns.push({ start: first.start, body: first.start + match[0].length, end: lineEnd, role, label: qa ?? match[2] });
  }
  return turns;
}

/**
 * An interview: at least two labelled turns. Answers ("A:") are the interviewee's, the person the
 * introduction (before the first turn) names most; a named turn is its speaker's when the label
 * names a person of the article. Questions are not statements.
 */
export function interviewStatements(
  text: string,
  sentences: Sentence[],
  context: SpeakerContext,
): ExtractedStatement[] {
  // A named label counts only when it names a person of the article ("Interview: …" does not).
  const personIn = (turn: Turn) =>
    mentionsWithin(context.mentions, turn.start, turn.body).find((m) => context.kindOf(m.entityKey) === 'person');
  const turns = turnsOf(text, sentences).filter((turn) => turn.role !== 'named' || personIn(turn));
  if (turns.length < 2) return [];
  // In "Name: …" interviews the one who mostly asks is the interviewer: none of their turns are statements.
  const asks = new Map<string, { questions: number; turns: number }>();
  for (const turn of turns.filter((t) => t.role === 'named')) {
    const key = personIn(turn)!.entityKey;
    const count = asks.get(key) ?? { questions: 0, turns: 0 };
    count.turns += 1;
    if (text.slice(turn.body, turn.end).includes('?')) count.questions += 1;
    asks.set(key, count);
  }
  const interviewer = (key: string) => {
    const count = asks.get(key);
    return count !== undefined && count.questions * 2 >= count.turns;
  };
  const interviewee = mostNamedPerson(context, 0, turns[0].start);
  const found: ExtractedStatement[] = [];
  for (const turn of turns) {
    let speaker: FoundSpeaker | undefined;
    if (turn.role === 'answer' && interviewee)
      speaker = { entityKey: interviewee, rule: 'speaker:interviewee', confidence: 0.8 };
    if (turn.role === 'named') {
      const mention = personIn(turn);
      if (mention && !interviewer(mention.entityKey))
        speaker = { entityKey: mention.entityKey, rule: 'speaker:label', confidence: 0.85 };
    }
    if (!speaker) continue;
    const words = clauseText(text.slice(turn.body, turn.end)).replace(/^[“"]|[”"]$/g, '');
    if (words.split(/\s+/).length < 3 || /\?$/.test(words)) continue;
    found.push({
      text: words,
      kind: 'quote',
      speakerKey: speaker.entityKey,
      start: turn.start,
      end: turn.end,
      rule: turn.role === 'answer' ? 'quote:interview-answer' : 'quote:interview-turn',
      confidence: speaker.confidence,
    });
  }
  return found;
}

function mostNamedPerson(context: SpeakerContext, from: number, to: number): string | undefined {
  const counts = new Map<string, number>();
  for (const m of context.mentions) {
    if (m.start < from || m.end > to || context.kindOf(m.entityKey) !== 'person') continue;
    if (context.isAuthor?.(m.entityKey)) continue;
    counts.set(m.entityKey, (counts.get(m.entityKey) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}
