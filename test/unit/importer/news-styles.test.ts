/**
 * Statements and names in the styles of news beyond "X said": interviews, press releases,
 * commentary, wire copy; dates resolved against the article's date; institutions named with
 * whose they are. Articles written for these tests, names invented.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { GraphBatch, GraphNode } from '../../../server/domain/graph.js';
import { buildGraph, loadGazetteer } from '../../../server/importer/build-graph.js';
import { findStatementDate } from '../../../server/importer/extract/dates.js';
import type { Gazetteer } from '../../../server/importer/gazetteer.js';
import type { NerSpan } from '../../../server/importer/ner/ner-types.js';
import { parseTextArticle } from '../../../server/importer/read/parse-text.js';
import type { SourceDocument } from '../../../server/importer/read/types.js';

let gazetteer: Gazetteer;
beforeAll(async () => {
  gazetteer = await loadGazetteer();
});

function article(text: string, published = '2024-05-03', fileName = 'a.txt'): SourceDocument {
  return {
    path: fileName,
    fileName,
    format: 'txt',
    title: text.split('\n')[0],
    text,
    published,
    authors: [],
    url: null,
    publisher: null,
  };
}

/** The graph of one article whose lines are given (the first is its headline). */
const graphOf = (...lines: string[]): GraphBatch => buildGraph([article(lines.join('\n'))], { gazetteer });

const named = (batch: GraphBatch, name: string): GraphNode | undefined =>
  batch.nodes.find((node) => node.properties.name === name);

/** Statement texts by speaker name. */
function saidBy(batch: GraphBatch, speaker: string): string[] {
  const node = named(batch, speaker);
  if (!node) return [];
  const ids = new Set(batch.edges.filter((e) => e.type === 'SAID' && e.source === node.id).map((e) => e.target));
  return batch.nodes.filter((n) => ids.has(n.id)).map((n) => String(n.properties.text));
}

const statementTexts = (batch: GraphBatch) =>
  batch.nodes.filter((n) => n.label === 'Statement').map((n) => String(n.properties.text));

describe('dates a sentence gives, against the publication date (Friday 3 May 2024)', () => {
  const cases: Array<[string, string, 'explicit' | 'relative']> = [
    ['The envoy spoke on Tuesday in Vienna.', '2024-04-30', 'relative'],
    ['Rusnac said Wednesday that the talks would go on.', '2024-05-01', 'relative'],
    ['The minister said last week that nothing had changed.', '2024-04-26', 'relative'],
    ['She spoke last Friday.', '2024-04-26', 'relative'],
    ['He told reporters yesterday that the border was calm.', '2024-05-02', 'relative'],
    ['The statement issued on April 13 said the opposite.', '2024-04-13', 'explicit'],
    ['On 2 March the ministers met in Ankara.', '2024-03-02', 'explicit'],
  ];
  it.each(cases)('%s -> %s', (sentence, iso, precision) => {
    expect(findStatementDate(sentence, '2024-05-03')).toMatchObject({ iso, precision });
  });

  it('keeps the explicit date when two articles date one quote differently', () => {
    const quote = '“The corridor will open before winter,” Minister Tamaz Gvelesiani said';
    const batch = buildGraph(
      [
        article(`Corridor talks\n${quote} last week.`, '2024-05-03', 'one.txt'),
        article(`Corridor plans\n${quote} on April 19.`, '2024-05-10', 'two.txt'),
      ],
      { gazetteer },
    );
    const statement = batch.nodes.find((n) => n.properties.text === 'The corridor will open before winter')!;
    expect(statement.properties.date).toBe('2024-04-19');
  });
});

describe('statements in the styles of news', () => {
  it('reads an interview: answers are the interviewee’s, questions are no statements', () => {
    const batch = graphOf(
      'Interview: the new envoy on the border talks',
      'Deputy Foreign Minister Nino Kvaratskhelia, who leads Georgia’s delegation at the border talks, spoke to us in Tbilisi. Kvaratskhelia has held the post since March.',
      'Q: Are the talks moving at all?',
      'A: They are moving slowly, but both delegations now meet every month.',
      'Q: What would you call a success this year?',
      'A: A signed map of the first forty kilometres would be a real success.',
    );
    expect(saidBy(batch, 'Nino Kvaratskhelia')).toEqual(
      expect.arrayContaining([
        'They are moving slowly, but both delegations now meet every month',
        'A signed map of the first forty kilometres would be a real success',
      ]),
    );
    expect(statementTexts(batch).some((text) => text.includes('Are the talks moving'))).toBe(false);
  });

  it('reads commentary: "in X’s view", "as X notes", "…, writes X"', () => {
    const batch = graphOf(
      'The bloc and the corridor',
      'Analyst Paulina Wrzesniewska, a senior fellow at the Warsaw Institute of Eastern Studies, has followed the file for years.',
      'In Wrzesniewska’s view, the bloc has no leverage left in the region.',
      'The corridor will not be finished before 2030, writes Tomasz Obrebski.',
    );
    expect(saidBy(batch, 'Paulina Wrzesniewska')).toContain('the bloc has no leverage left in the region');
    expect(saidBy(batch, 'Tomasz Obrebski')).toContain('The corridor will not be finished before 2030');
  });

  it('reads a press release: the minister’s stance is a statement, "the sides discussed" is not', () => {
    const batch = graphOf(
      'Minister receives the EU Special Representative',
      'Foreign Minister Jeyhun Bayramov received the EU Special Representative Toivo Klaar today.',
      'Jeyhun Bayramov considered it necessary to resume the work of the border commissions without delay.',
      'The sides discussed the situation in the region and the agenda of the next meeting.',
    );
    expect(saidBy(batch, 'Jeyhun Bayramov')).toContain(
      'considered it necessary to resume the work of the border commissions without delay',
    );
    expect(statementTexts(batch).some((text) => text.includes('situation in the region'))).toBe(false);
  });

  it('gives a quote after a colon to the sentence’s subject', () => {
    const batch = graphOf(
      'Reply\nForeign Minister Ilkin Mammadli answered his critic with a proverb: “Measure seven times.”',
    );
    expect(saidBy(batch, 'Ilkin Mammadli')).toContain('Measure seven times');
  });

  it('never gives a statement to a place', () => {
    const batch = graphOf(
      'Talks in Vienna',
      '“The border must be drawn this year,” said a diplomat in Vienna.',
      'The talks in the South Caucasus will go on, said an official in Karabakh.',
      'Foreign Minister Ilkin Mammadli said in Karabakh that the border was calm.',
    );
    const speakers = batch.edges.filter((e) => e.type === 'SAID').map((e) => e.source);
    const places = new Set(batch.nodes.filter((n) => n.label === 'Place').map((n) => n.id));
    expect(places.size).toBeGreaterThan(0);
    expect(speakers.filter((id) => places.has(id))).toEqual([]);
    // The quote is kept without a speaker, and a person next to a place still speaks.
    expect(statementTexts(batch)).toContain('The border must be drawn this year');
    expect(saidBy(batch, 'Ilkin Mammadli')).toContain('the border was calm');
  });

  it('gives "according to the ministry, X told them that …" to X', () => {
    const batch = graphOf(
      'Ankara meeting\nAccording to the Turkish Foreign Ministry, Minister Kemal Dursunoglu told them that they should do more for peace.',
    );
    expect(saidBy(batch, 'Kemal Dursunoglu')).toContain('they should do more for peace');
    expect(saidBy(batch, 'Turkish Foreign Ministry')).toEqual([]);
  });
});

describe('who "he", "she" and a lone name are', () => {
  it('gives "she" to the woman the article names, not to the man who spoke last', () => {
    const batch = graphOf(
      'Trade talks',
      'When Deputy Minister Hu Zhenyu arrived in Brussels on Tuesday, both sides sounded calm. His visit was the first since October.',
      'Hu spent five hours with Margrethe Solvang-Berg, the Commission’s trade director. Afterwards she said that the talks had been constructive.',
      '“We have a channel that works,” Solvang-Berg told reporters.',
    );
    expect(saidBy(batch, 'Margrethe Solvang-Berg')).toEqual(
      expect.arrayContaining(['the talks had been constructive', 'We have a channel that works']),
    );
    expect(saidBy(batch, 'Hu Zhenyu')).toEqual([]);
  });

  it('gives a family name written first to the full name ("Hu" is Hu Zhenyu) when the tagger calls it a person', () => {
    const text = 'Talks\nHu Zhenyu arrived on Tuesday. Hu told reporters that the talks had gone well.';
    const document = article(text);
    const at = (words: string, from = 0) => text.indexOf(words, from);
    const spans: NerSpan[] = [
      { start: at('Hu Zhenyu'), end: at('Hu Zhenyu') + 9, text: 'Hu Zhenyu', tag: 'PERSON' },
      { start: at('Hu told'), end: at('Hu told') + 2, text: 'Hu', tag: 'PERSON' },
    ];
    const batch = buildGraph([document], { gazetteer, ner: new Map([[document, spans]]) });
    expect(saidBy(batch, 'Hu Zhenyu')).toContain('the talks had gone well');
    expect(named(batch, 'Hu')).toBeUndefined();
  });

  it('reads "in the view of X, an economist, …" and "she informed the minister that …"', () => {
    const batch = graphOf(
      'Minerals',
      'In the view of Bakyt Sadyrbekov, an economist in Bishkek, the government is copying its neighbour.',
      'Ms Oyelaran-Bright thanked the ministry. She informed the Deputy Minister that a workshop would take place in May.',
    );
    expect(saidBy(batch, 'Bakyt Sadyrbekov')).toContain('the government is copying its neighbour');
    expect(saidBy(batch, 'Oyelaran-Bright')).toContain('a workshop would take place in May');
  });
});

describe('page furniture', () => {
  it('takes a wire sign-off’s reporters as authors and leaves its editors and photo credits out', () => {
    const parsed = parseTextArticle(
      'Ferries to double\nASTANA, May 3 (Steppe Wire) - Minister Daulet Orazbekov said the ferries would double.\nPhoto: Aigerim Sultanova/Steppe Wire\n(Reporting by Marat Tokhtarov; Editing by Priya Ramaswamy)\n',
    );
    expect(parsed.authors).toEqual(['Marat Tokhtarov']);
    const batch = buildGraph([{ ...article(parsed.text), authors: parsed.authors }], { gazetteer });
    const people = batch.nodes.filter((n) => n.properties.kind === 'person').map((n) => n.properties.name);
    expect(people).toEqual(expect.arrayContaining(['Daulet Orazbekov', 'Marat Tokhtarov']));
    expect(people).not.toContain('Priya Ramaswamy');
    expect(people).not.toContain('Aigerim Sultanova');
  });
});

describe('states', () => {
  it('knows states the first lists did not ("a Polish MEP", Cameroon), and a surname that is a state’s name', () => {
    const batch = graphOf(
      'Gulf of Guinea\nThe representative of Brazil, Luiza Caldeira Montenegro, said the patrols in Cameroon must go on. A Polish MEP agreed.',
    );
    const states = batch.nodes.filter((n) => n.properties.kind === 'state').map((n) => n.properties.name);
    expect(states).toEqual(expect.arrayContaining(['Brazil', 'Cameroon', 'Poland']));
    expect(states).not.toContain('Montenegro');
    expect(named(batch, 'Luiza Caldeira Montenegro')?.properties.kind).toBe('person');
  });
});

describe('relations in more shapes', () => {
  const relation = (batch: GraphBatch, type: string) =>
    batch.edges
      .filter((e) => e.type === type)
      .map((e) => {
        const name = (id: string) => batch.nodes.find((n) => n.id === id)?.properties.name;
        return `${name(e.source)} -> ${name(e.target)}`;
      });

  it('meets everyone joined by "and", and the people a body’s title introduces', () => {
    const batch = graphOf(
      'Meetings',
      'Secretary of State Mike Pompeo met separately with Foreign Minister Jeyhun Bayramov and Foreign Minister Zohrab Mnatsakanyan on Friday.',
      'Prime Minister Nikol Pashinyan received OSCE Minsk Group Co-Chairs Anne Viscotte (France) and Andrew Scholl (USA).',
    );
    expect(relation(batch, 'MET')).toEqual(
      expect.arrayContaining([
        'Mike Pompeo -> Jeyhun Bayramov',
        'Mike Pompeo -> Zohrab Mnatsakanyan',
        'Nikol Pashinyan -> Anne Viscotte',
        'Nikol Pashinyan -> Andrew Scholl',
      ]),
    );
    expect(relation(batch, 'MET')).not.toContain('Nikol Pashinyan -> OSCE Minsk Group');
  });

  it('reads a minister by portfolio, the state’s adjective saying whose', () => {
    const batch = graphOf('Ferries\nKazakh Transport Minister Daulet Orazbekov said the ferries would double.');
    const role = batch.edges.find((e) => e.type === 'HOLDS_ROLE');
    expect(role?.properties.title).toBe('Transport Minister');
    expect(batch.nodes.find((n) => n.id === role?.target)?.properties.name).toBe('Kazakhstan');
  });

  it('reads membership, and tells a director who leads from one who works there', () => {
    const batch = graphOf(
      'Experts',
      'Turkey has been a permanent member of the OSCE Minsk Group since its inception.',
      'Pavel Lisitsyn, research director at the Valdai Discussion Club, disagreed.',
      'Oksana Hrytsenko, director of the Kyiv Institute for Security Studies, agreed.',
    );
    expect(relation(batch, 'MEMBER_OF')).toContain('Turkey -> OSCE Minsk Group');
    expect(relation(batch, 'AFFILIATED_WITH')).toContain('Pavel Lisitsyn -> Valdai Discussion Club');
    expect(relation(batch, 'LEADS')).toEqual(['Oksana Hrytsenko -> Kyiv Institute for Security Studies']);
  });
});

describe('institutions named with whose they are', () => {
  it('"Azerbaijan’s MFA" and "the Azerbaijani MFA" are one ministry; "the Head of the Armenian Government" is no institution', () => {
    const batch = graphOf(
      'Replies from Baku and Yerevan',
      'Azerbaijan’s MFA also answered the statement.',
      'The Head of the Armenian Government condemned the shelling.',
      '“The claim is absurd,” said the spokesperson of the Azerbaijani MFA.',
    );
    const institutions = batch.nodes.filter((n) => n.label === 'Institution').map((n) => n.properties.name);
    expect(institutions).toEqual(['Azerbaijani MFA']);
    expect(named(batch, 'Armenia')?.label).toBe('Actor');
  });
});

describe('names from the named-entity tagger under the rules', () => {
  const text = [
    'Ministry answers Ankara',
    'The spokesperson of the Armenian Ministry of Foreign Affairs Lusine Avetyan also responded to the remarks.',
    '“Turkey cannot play any role in this process,” she said.',
    'Orbeli told the agency the talks were over.',
  ].join('\n');
  /** Spans as CoreNLP gives them for this text (its PERSON and ORGANIZATION tags). */
  function spansFor(document: string): NerSpan[] {
    const span = (words: string, tag: string): NerSpan => {
      const start = document.indexOf(words);
      return { start, end: start + words.length, text: words, tag };
    };
    return [
      span('Armenian', 'NATIONALITY'),
      span('Ministry of Foreign Affairs', 'ORGANIZATION'),
      span('Lusine Avetyan', 'PERSON'),
      span('Turkey', 'COUNTRY'),
      span('Orbeli', 'PERSON'),
    ];
  }

  it('splits a person off the institution before her, and keeps a surname the tagger calls a person', () => {
    const document = article(text);
    const batch = buildGraph([document], { gazetteer, ner: new Map([[document, spansFor(text)]]) });
    expect(named(batch, 'Armenian Ministry of Foreign Affairs')?.label).toBe('Institution');
    expect(named(batch, 'Lusine Avetyan')?.properties.kind).toBe('person');
    expect(named(batch, 'Orbeli')?.properties.kind).toBe('person');
    expect(saidBy(batch, 'Lusine Avetyan')).toContain('Turkey cannot play any role in this process');
    // Every fact records that the names came from the tagger.
    expect(named(batch, 'Lusine Avetyan')?.properties.rule).toMatch(/@corenlp$/);
  });

  it('without the tagger, every fact records that the rules worked alone', () => {
    const batch = buildGraph([article(text)], { gazetteer });
    expect(
      batch.nodes.every((n) => typeof n.properties.rule !== 'string' || n.properties.rule.endsWith('@rules')),
    ).toBe(true);
  });
});

describe('a "Title: / Source: / Date:" header on top of an article', () => {
  it('is metadata, and the text starts after it', () => {
    const parsed = parseTextArticle(
      'Title: Envoy visits Baku\nSource: https://example.org/envoy\nDate: 2020-10-23\n\nEnvoy visits Baku\n\nBy Dana Okafor\nThe envoy arrived on Friday.\n',
    );
    expect(parsed).toMatchObject({
      title: 'Envoy visits Baku',
      url: 'https://example.org/envoy',
      published: '2020-10-23',
      authors: ['Dana Okafor'],
    });
    expect(parsed.text.startsWith('Envoy visits Baku')).toBe(true);
  });

  it('reads "Date: unknown" as no date', () => {
    expect(parseTextArticle('Title: A\nSource: https://example.org/a\nDate: unknown\n\nA\nText.').published).toBeNull();
  });
});
