/**
 * Statements of one document: direct quotes with their speaker (named after the quote, before
 * it with a verb of saying, or as the subject the quote continues), and reported speech
 * ("X said that …", "X believes …", "X is convinced that …"). Each keeps the sentences it came
 * from and its date.
 */
import { firstIndex } from './first-index.js';
import { mentionsStartingIn, mentionsWithin } from './mention-index.js';
import { sentenceContaining, sentenceFrom, type Sentence } from './sentences.js';
import { speakerEndingAt, speakerStartingAt, type FoundSpeaker, type SpeakerContext } from './speakers.js';
import { canMean } from './gender.js';
import { commentaryStatements, interviewStatements, stanceStatement } from './statement-styles.js';
import { SPEECH_VERBS } from '../vocabulary/speech.js';

export interface ExtractedStatement {
  text: string;
  kind: 'quote' | 'reported';
  speakerKey: string | null;
  /** Character span of the sentences that carry the statement. */
  start: number;
  end: number;
  rule: string;
  confidence: number;
}

interface QuoteSpan {
  open: number;
  close: number;
  /** Content between the quote marks. */
  text: string;
}

const VERB_ALTERNATION = SPEECH_VERBS.map((verb) => verb.replace(/ /g, '\\s+')).join('|');
/** Verbs that take the quote itself as object: "…,” X said" / "…,” said X" (not "denounced X"). */
const QUOTE_VERBS =
  'said|says|added|adds|explained|explains|noted|stressed|emphasized|emphasised|told|asked|wrote|writes|continued|recalled|replied|remarked|insisted|argued|claimed|stated|declared|announced|concluded|observed|commented|warned|tweeted|posted';
const VERB_AFTER_QUOTE = new RegExp(
  `^[\\s,.;:—–-]*(?:([^.;“”"]{1,120}?)\\s+(?:${QUOTE_VERBS})\\b|(?:${QUOTE_VERBS})\\s+)`,
  'i',
);
const STATEMENT_READ =
  /^[\s,.;:]*the\s+(?:statement|letter|message|communiqué|release|post)\s+(?:read|said|says|reads|added)\b/i;
const VERB_BEFORE = new RegExp(`\\b(${VERB_ALTERNATION})(?:\\s+that)?[\\s,:]*$`, 'i');
const TITLE_CUE = /\b(?:titled|entitled|called|named|dubbed|so-called|known as|slogan|motto|theme)\s*$/i;
/** "According to X, …" and "In the view of X, …": the name, its apposition, then what X holds. */
const LEAD_IN = /^(?:According to|In the (view|opinion|words|assessment) of)\s+/i;
// "He noted, that …": a comma may stand between the verb and its clause.
const REPORTED = new RegExp(`\\b(${VERB_ALTERNATION})[,:]?\\s+(?:that\\s+)?`, 'gi');
const NOT_A_CLAUSE = /^(?:to|by|for|with|in|on|at|from|about|of|and|or|but|as|it|so|this|“|")\b/i;

function findQuotes(text: string): QuoteSpan[] {
  const quotes: QuoteSpan[] = [];
  const pattern = /“([^”\n]{2,2000})”|"([^"\n]{2,2000})"/g;
  for (const match of text.matchAll(pattern)) {
    const content = match[1] ?? match[2];
    quotes.push({ open: match.index, close: match.index + match[0].length, text: content });
  }
  return quotes;
}

function cleanQuote(text: string): string {
  return text
    .trim()
    .replace(/[,.;:]+$/, '')
    .trim();
}

function sentenceAt(sentences: Sentence[], position: number): Sentence | undefined {
  return sentenceContaining(sentences, position) ?? sentenceFrom(sentences, position);
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

export function extractStatements(text: string, sentences: Sentence[], context: SpeakerContext): ExtractedStatement[] {
  const statements: ExtractedStatement[] = [];
  const quotes = findQuotes(text);
  // Who "he" / "she" can be: the speakers found so far and the person each sentence opens with.
  const speakers: Array<{ at: number; key: string }> = sentenceSubjects(sentences, quotes, context);
  const withSpeakers: SpeakerContext = {
    ...context,
    lastSpeakerBefore: (position, pronoun) => {
      // "she" is not the man who spoke last, nor the byline's author, who reports the story.
      const fits = (key: string) => !context.isAuthor?.(key) && canMean(pronoun, context.genderOf?.(key));
      // The latest fitting speaker before `position` (the first listed of those at the same place).
      let earlier: { at: number; key: string } | undefined;
      for (const s of speakers) if (s.at < position && (!earlier || s.at > earlier.at) && fits(s.key)) earlier = s;
      return earlier?.key ?? context.lastSpeakerBefore(position, pronoun);
    },
  };
  const quoted: Array<[number, number]> = [];

  for (const quote of quotes) {
    const first = sentenceAt(sentences, quote.open);
    const last = sentenceAt(sentences, quote.close - 1);
    if (!first || !last) continue;
    const content = cleanQuote(quote.text);
    const before = text.slice(first.start, quote.open);
    if (TITLE_CUE.test(before)) continue;
    let speaker: FoundSpeaker | undefined;
    let rule = '';
    const after = text.slice(quote.close, last.end);
    if (STATEMENT_READ.test(after)) {
      const key = withSpeakers.lastSpeakerBefore(quote.open);
      if (key) speaker = { entityKey: key, rule: 'speaker:statement-read', confidence: 0.7 };
      rule = 'quote:statement-read';
    }
    const verbBefore = VERB_BEFORE.exec(before);
    if (!speaker && verbBefore) {
      speaker = speakerEndingAt(text, first.start, first.start + verbBefore.index, withSpeakers);
      rule = 'quote:verb-before';
    }
    if (!speaker) {
      const verbAfter = VERB_AFTER_QUOTE.exec(after);
      if (verbAfter && verbAfter.index === 0) {
        speaker = speakerStartingAt(text, quote.close, quote.close + verbAfter[0].length + 60, withSpeakers);
        rule = 'quote:speaker-after';
      }
    }
    if (!speaker) {
      const lastVerb = [...before.matchAll(new RegExp(`\\b(?:${VERB_ALTERNATION})\\b`, 'gi'))].pop();
      if (lastVerb) {
        speaker = speakerEndingAt(text, first.start, first.start + lastVerb.index, withSpeakers);
        rule = 'quote:speaker-before';
      }
    }
    if (!speaker && /:\s*$/.test(before)) {
      // "X responded, tweeting a quote from the Gospel: “…”": the sentence's subject speaks.
      const subject = mentionsWithin(withSpeakers.mentions, first.start, quote.open).find(
        (m) => !m.possessive && ['person', 'institution'].includes(withSpeakers.kindOf(m.entityKey) ?? ''),
      );
      if (subject && subject.start - first.start < 40) {
        speaker = { entityKey: subject.entityKey, rule: 'speaker:colon-subject', confidence: 0.7 };
        rule = 'quote:colon';
      }
    }
    if (!speaker && /^\s*[a-z]/.test(content)) {
      // "Pompeo “emphasized the need …”": the quote continues a sentence whose subject speaks.
      speaker =
        speakerEndingAt(text, first.start, quote.open, withSpeakers) ??
        nearestPersonBefore(withSpeakers, first.start, quote.open);
      rule = 'quote:subject';
    }
    if (!speaker && isWholeSentence(first, last, quote)) {
      // “We have turned a page,” X said. “Trade must resume.”: the next quote is X's too.
      const previous = statements[statements.length - 1];
      if (previous?.kind === 'quote' && previous.speakerKey && text.slice(previous.end, first.start).trim() === '') {
        speaker = { entityKey: previous.speakerKey, rule: 'speaker:continuation', confidence: 0.75 };
        rule = 'quote:continuation';
      }
    }
    if (!speaker && wordCount(content) < 6) continue; // scare quotes and slogans
    if (wordCount(content) < 2) continue;
    if (speaker) speakers.push({ at: quote.open, key: speaker.entityKey });
    quoted.push([quote.open, quote.close]);
    statements.push({
      text: content,
      kind: 'quote',
      speakerKey: speaker?.entityKey ?? null,
      start: first.start,
      end: last.end,
      rule: speaker ? rule : 'quote:no-speaker',
      confidence: speaker ? Math.min(0.95, speaker.confidence) : 0.4,
    });
  }

  const interview = interviewStatements(text, sentences, withSpeakers);
  for (const found of interview) {
    statements.push(found);
    speakers.push({ at: found.start, key: found.speakerKey! });
  }
  const inInterviewTurn = (position: number) => interview.some((s) => s.start <= position && position < s.end);

  for (const sentence of sentences) {
    if (inInterviewTurn(sentence.start)) continue;
    const styled = commentaryStatements(sentence, withSpeakers) ?? stanceStatement(text, sentence, withSpeakers);
    if (styled) {
      statements.push(styled);
      speakers.push({ at: sentence.start, key: styled.speakerKey! });
      continue;
    }
    // "…,” X said, adding that …": what is added is X's too.
    const adding = /,\s+adding\s+that\s+/i.exec(sentence.text);
    if (adding) {
      const at = sentence.start + adding.index;
      const clause = text
        .slice(at + adding[0].length, sentence.end)
        .replace(/[.;:]+\s*$/, '')
        .trim();
      const speaker = withSpeakers.lastSpeakerBefore(at);
      if (speaker && clause.length >= 12 && !/[“"]/.test(clause)) {
        statements.push({
          text: clause,
          kind: 'reported',
          speakerKey: speaker,
          start: sentence.start,
          end: sentence.end,
          rule: 'reported:adding',
          confidence: 0.7,
        });
      }
    }
    // "According to X, a foreign policy adviser, the incident will be raised …"; "In the view of
    // X, an economist in Tashkent, the government is …".
    const according = LEAD_IN.exec(sentence.text);
    if (according) {
      const from = sentence.start + according[0].length;
      const speaker = mentionsStartingIn(withSpeakers.mentions, from, from + 10)[0];
      const kind = speaker ? withSpeakers.kindOf(speaker.entityKey) : undefined;
      if (speaker && kind && kind !== 'place') {
        const rest = text.slice(speaker.end, sentence.end);
        // The clause follows the last comma of the name's apposition (", an adviser to …,").
        const commas = [...rest.matchAll(/,\s+/g)];
        const cut = commas.length >= 2 && /^,\s+(?:a|an|the)?\s*[a-z]/.test(rest) ? commas[1] : commas[0];
        const clause = cut
          ? text
              .slice(speaker.end + cut.index + cut[0].length, sentence.end)
              .replace(/[.;:]+\s*$/, '')
              .trim()
          : '';
        if (clause.length >= 12 && !/[“"]/.test(clause) && !hasOwnSpeaker(clause, sentence, text, withSpeakers)) {
          speakers.push({ at: sentence.start, key: speaker.entityKey });
          statements.push({
            text: clause,
            kind: 'reported',
            speakerKey: speaker.entityKey,
            start: sentence.start,
            end: sentence.end,
            rule: according[1] ? 'reported:in-view' : 'reported:according-to',
            confidence: 0.75,
          });
        }
      }
    }
    // A verb followed by "that" carries the clause: "welcomed the progress but warned that …".
    const verbs = [...sentence.text.matchAll(REPORTED)];
    const withThat = verbs.filter((verb) => /\bthat\s+$/i.test(verb[0]));
    for (const verb of withThat.length > 0 ? withThat : verbs) {
      const verbStart = sentence.start + verb.index;
      let clauseStart = verbStart + verb[0].length;
      // After "that" the clause may open with "it" or "this": "announced that it intended to …".
      let afterThat = /\bthat\s+$/i.test(verb[0]);
      // "told the Council that …", "said in a statement on Monday that …": the words follow "that".
      const that = /^[^,.;“"]{0,60}?\bthat\s+/.exec(text.slice(clauseStart, sentence.end));
      const indirect = /^(?:told|tells|informed|assured|reminded)\b/i.test(verb[1]);
      if (
        that &&
        (indirect ||
          /^(?:in|on|at|during|after|before|to|last|this|earlier)\b/i.test(text.slice(clauseStart, sentence.end)))
      ) {
        clauseStart += that[0].length;
        afterThat = true;
      }
      const clause = text
        .slice(clauseStart, sentence.end)
        .replace(/[.;:]+\s*$/, '')
        .trim();
      if (clause.length < 12 || (!afterThat && NOT_A_CLAUSE.test(clause)) || /[“"]/.test(clause)) continue;
      if (quoted.some(([open, close]) => verbStart >= open && verbStart < close)) continue;
      // "…,” Darchiashvili told reporters": the verb attributes the quote, it reports nothing more.
      if (quoted.some(([open, close]) => open >= sentence.start && close <= verbStart && verbStart - close < 60))
        continue;
      if (/^(?:told|tells)\b/i.test(verb[1]) && clauseStart === verbStart + verb[0].length) continue;
      const speaker =
        speakerEndingAt(text, sentence.start, verbStart, withSpeakers) ??
        coordinatedSubject(text, sentence.start, verbStart, withSpeakers);
      if (!speaker) continue;
      speakers.push({ at: verbStart, key: speaker.entityKey });
      for (const part of thatClauses(clause)) {
        statements.push({
          text: part,
          kind: 'reported',
          speakerKey: speaker.entityKey,
          start: sentence.start,
          end: sentence.end,
          rule: `reported:${verb[1].toLowerCase().replace(/\s+/g, '-')}`,
          confidence: Math.min(0.8, speaker.confidence),
        });
      }
      break;
    }
  }
  return statements.sort((a, b) => a.start - b.start);
}

/** "said that A, and that B" / "…, but that B": two things said, one statement each. */
function thatClauses(clause: string): string[] {
  return clause
    .split(/,?\s+(?:and|but)\s+(?:also\s+)?that\s+/)
    .map((part) => part.trim())
    .filter((part) => part.length >= 12);
}

/**
 * "According to the ministry, Cavusoglu told them that …": the clause names its own speaker and
 * verb, so the reported-speech rule attributes it, not "according to".
 */
const VERB_NEAR_START = new RegExp(`^[^,.;]{0,60}?\\b(?:${VERB_ALTERNATION})\\b`, 'i');

function hasOwnSpeaker(clause: string, sentence: Sentence, text: string, context: SpeakerContext): boolean {
  const at = text.indexOf(clause, sentence.start);
  if (at < 0) return false;
  const verb = VERB_NEAR_START.exec(clause);
  if (!verb) return false;
  return mentionsWithin(context.mentions, at, at + verb[0].length).some((m) =>
    ['person', 'institution'].includes(context.kindOf(m.entityKey) ?? ''),
  );
}

/** A sentence that is nothing but the quote (and its closing punctuation). */
function isWholeSentence(first: Sentence, last: Sentence, quote: QuoteSpan): boolean {
  return first === last && quote.open === first.start && /^[\s.!?]*$/.test(first.text.slice(quote.close - first.start));
}

/** `position` lies inside one of the quotes (found in text order, not overlapping): a binary search. */
function insideQuote(quotes: QuoteSpan[], position: number): boolean {
  const quote = quotes[firstIndex(quotes, (q) => q.close > position)];
  return quote !== undefined && quote.open <= position;
}

/** The person each sentence opens with, outside quotes and not as a possessive ("Baer explains …"). */
function sentenceSubjects(
  sentences: Sentence[],
  quotes: QuoteSpan[],
  context: SpeakerContext,
): Array<{ at: number; key: string }> {
  const quoted = (position: number) => insideQuote(quotes, position);
  return sentences.flatMap((sentence) => {
    const subject = mentionsWithin(context.mentions, sentence.start, sentence.end).find(
      (m) => !m.possessive && !quoted(m.start) && context.kindOf(m.entityKey) === 'person',
    );
    return subject ? [{ at: subject.start, key: subject.entityKey }] : [];
  });
}

function nearestPersonBefore(context: SpeakerContext, from: number, to: number): FoundSpeaker | undefined {
  const mention = mentionsWithin(context.mentions, from, to)
    .reverse()
    .find((m) => context.kindOf(m.entityKey) === 'person');
  return mention ? { entityKey: mention.entityKey, rule: 'speaker:subject', confidence: 0.6 } : undefined;
}

/** "Erdogan welcomed the progress but warned that …": one name before the verbs, joined by and/but. */
function coordinatedSubject(
  text: string,
  from: number,
  verbAt: number,
  context: SpeakerContext,
): FoundSpeaker | undefined {
  const names = mentionsWithin(context.mentions, from, verbAt).filter(
    (m) => !m.possessive && ['person', 'institution'].includes(context.kindOf(m.entityKey) ?? ''),
  );
  if (names.length !== 1) return undefined;
  const between = text.slice(names[0].end, verbAt);
  if (!/\b(?:but|and)\s+(?:also\s+)?$/.test(between) || /[.;]/.test(between)) return undefined;
  return { entityKey: names[0].entityKey, rule: 'speaker:coordinated', confidence: 0.65 };
}
