/**
 * What search matches names against, the same on every store: `searchText` holds a node's name,
 * its aliases and, for each that a spelling key changes, the key marked with `~`
 * (`Ilham Aliyev | Aliyev | ~ilham aliev | ~aliev`). A store then finds spelling variants with a
 * plain `CONTAINS`, needing no extension, index or download.
 */

/**
 * A spelling key folds the common transliteration variants of a name onto one form: accents go,
 * y/j become i, a word's first ye/ie e, ph f, ck/q/kh k/h, w v, and doubled letters are single. So
 * Aliev and Aliyev, Zelensky, Zelenskiy and Zelenskyy, Erdoğan and Erdogan, Yevgeny and Evgeny
 * each share a key. It is generic (no list
 * of names) and deliberately coarse: a key match ranks below a match of the typed text itself.
 */
export function spellingKey(text: string): string {
  return (
    text
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim()
      .replace(/ph/g, 'f')
      .replace(/ck|q/g, 'k')
      .replace(/kh/g, 'h')
      .replace(/[yj]/g, 'i')
      // Ye, Ie and E starting a word are one sound (Yevgeny, Ievgen, Evgeny; Yerevan, Erevan).
      .replace(/(^| )ie/g, '$1e')
      .replace(/w/g, 'v')
      .replace(/(\p{L})\1+/gu, '$1')
  );
}

/** Name, aliases, then the spelling keys that differ from the plain lower-case forms. */
export function searchTextOf(name: string, aliases: readonly string[]): string {
  const forms = [name, ...aliases];
  const plain = new Set(forms.map((form) => form.toLowerCase()));
  const keys = [...new Set(forms.map(spellingKey))].filter((key) => key !== '' && !plain.has(key));
  return [...forms, ...keys.map((key) => `~${key}`)].join(' | ');
}

/** The words of a query for full-text matching: lower case, at least two characters, at most 8. */
export function queryTerms(lowerQuery: string): string[] {
  const words = lowerQuery.split(/[^\p{L}\p{N}]+/u).filter((word) => word.length >= 2);
  return [...new Set(words)].slice(0, 8);
}
