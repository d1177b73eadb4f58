/**
 * Page furniture that names people who are not in the story: a wire story's sign-off "(Reporting
 * by A; Editing by B)" — its editors —, photo and image credits ("Photo: Jane Roe/Agency"). Mentions
 * inside these spans are dropped; reporters of a sign-off become the article's authors (see
 * read/byline.ts).
 */

const EDITING = /\b(?:Editing|Edited|Compiled|Graphics|Fact-checking) by\s+[^;)\n]{2,120}/gi;
const CREDIT = /\b(?:Photo|Photos|Photograph|Image|Picture|Video|Credit|Photo credit)\s*(?::|by)\s*[^\n.;)]{2,120}/gi;

export function furnitureSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const pattern of [EDITING, CREDIT])
    for (const match of text.matchAll(pattern)) spans.push([match.index, match.index + match[0].length]);
  return spans;
}
