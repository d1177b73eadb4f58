/** Word tokens with character offsets: the unit every extraction rule walks over. */

export interface Token {
  text: string;
  start: number;
  end: number;
  /** The token is followed by a possessive 's / ’s (not included in text). */
  possessive: boolean;
}

// Letters, digits, inner dots (U.S.), hyphens and apostrophes inside words; a possessive is cut off.
const WORD = /[\p{L}\p{N}](?:[\p{L}\p{M}\p{N}]|[.'’-](?=[\p{L}\p{N}])|\.(?=\s|$|[,;:)])(?<=\b\p{Lu}\.))*\.?/gu;

export function tokenize(text: string, offset = 0): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    let word = match[0];
    let possessive = false;
    if (word.endsWith("'s") || word.endsWith('’s')) {
      word = word.slice(0, -2);
      possessive = true;
    } else if (
      /[sS]$/.test(word) &&
      /^[’'](?![\p{L}])/u.test(text.slice(match.index + word.length, match.index + word.length + 2))
    ) {
      possessive = true; // plural possessive: "Analysts’", "US’"
    }
    // A trailing full stop belongs to the token only for abbreviations (U.S., Mr., Col.).
    if (
      word.endsWith('.') &&
      !/^(?:\p{Lu}\.)+$|^(?:Mr|Mrs|Ms|Dr|Col|Gen|Lt|Sen|Rep|Gov|Prof|St|Jr|Sr|Capt|Maj|Sgt|Adm)\.$/u.test(word)
    ) {
      word = word.slice(0, -1);
    }
    if (word === '') continue;
    tokens.push({ text: word, start: offset + match.index, end: offset + match.index + word.length, possessive });
  }
  return tokens;
}

export function isCapitalized(word: string): boolean {
  // Asked for nearly every word: an ASCII first letter is answered without the pattern.
  const code = word.charCodeAt(0);
  if (code < 0x80) return code >= 0x41 && code <= 0x5a;
  return /^\p{Lu}/u.test(word);
}

export function isAcronym(word: string): boolean {
  return /^(?:\p{Lu}\.?){2,6}$/u.test(word);
}

/** Only spaces (no punctuation) between two tokens in the text. */
export function adjacent(text: string, a: Token, b: Token, offset = 0): boolean {
  return /^ +$/.test(text.slice(a.end - offset + (a.possessive ? 2 : 0), b.start - offset)) && !a.possessive;
}
