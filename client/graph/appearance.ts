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

/** Size grows with the square root of the degree, so hubs stand out without swallowing the view. */
export function sizeOf(degree: number): number {
  return 3 + Math.min(22, Math.sqrt(degree) * 2.6);
}
