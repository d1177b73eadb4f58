/** How labels look: one colour per node label (Okabe–Ito, readable by colour-blind people). */
export const LABEL_COLORS: Record<string, string> = {
  Actor: '#0072B2',
  Institution: '#E69F00',
  Statement: '#009E73',
  Document: '#CC79A7',
  Place: '#D55E00',
};

export const FALLBACK_COLOR = '#999999';

export function colorOf(label: string): string {
  return LABEL_COLORS[label] ?? FALLBACK_COLOR;
}

/**
 * Size grows with the square root of the degree, so hubs stand out without swallowing the view.
 * Statements stay smaller than the people and bodies who made them: the overview shows who first
 * (their labels win the label grid), statement labels appear on zoom and hover.
 */
export function sizeOf(degree: number, label?: string): number {
  if (label === 'Statement') return 3 + Math.min(6, Math.sqrt(degree) * 1.1);
  return 4 + Math.min(22, Math.sqrt(degree) * 2.4);
}

/**
 * Size from a centrality normalised to [0, 1] (PageRank, betweenness): the same range as degree
 * sizes, so switching modes keeps the picture readable.
 */
export function sizeOfShare(share: number, label?: string): number {
  const grown = Math.sqrt(Math.max(0, Math.min(1, share)));
  if (label === 'Statement') return 3 + grown * 6;
  return 4 + grown * 22;
}

/**
 * Community colours: none of them is a label colour (an actor in one community must not look like
 * an institution), sky blue (Okabe–Ito) then CARTO Bold's without its orange and green; beyond those, a grey.
 */
export const COMMUNITY_COLORS = [
  '#56B4E9',
  '#7F3C8D',
  '#F2B701',
  '#E73F74',
  '#80BA5A',
  '#008695',
  '#4B4B8F',
  '#8C6D31',
  '#CF1C90',
  '#A5AA99',
];

export function communityColor(rank: number): string {
  return COMMUNITY_COLORS[rank] ?? FALLBACK_COLOR;
}

const CANVAS_LABEL_MAX = 36;

/**
 * The label drawn on the canvas: names as they are, statements and long titles cut at a word
 * boundary so that they do not cover their neighbours (the full caption shows on hover).
 */
export function canvasLabel(label: string, caption: string): string {
  const max = label === 'Statement' ? CANVAS_LABEL_MAX : CANVAS_LABEL_MAX + 12;
  let text = caption.replace(/…$/, '');
  if (text.length > max) {
    const cut = text.slice(0, max);
    const space = cut.lastIndexOf(' ');
    text = `${cut.slice(0, space > max / 2 ? space : max).replace(/[\s,;:.]+$/, '')}…`;
  } else if (text !== caption) text = caption;
  return label === 'Statement' ? `“${text}”` : text;
}

function luminance(hex: string): number {
  const channels = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [
    number,
    number,
    number,
  ];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Black or white text on a label colour, whichever contrasts more (WCAG relative luminance). */
export function textOn(background: string): string {
  const l = luminance(background);
  return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? '#000000' : '#ffffff';
}
