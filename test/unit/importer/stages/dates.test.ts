/** Stage: the date a sentence gives for what it reports (extract/dates.ts), against a publication on Friday 14 March 2025. */
import { describe, expect, it } from 'vitest';
import { findStatementDate } from '../../../../server/importer/extract/dates.js';

const PUBLISHED = '2025-03-14';
const dateOf = (text: string) => findStatementDate(text, PUBLISHED);

describe('dates stage', () => {
  it('reads a day and month, taking the most recent one not after publication', () => {
    expect(dateOf('The talks took place on March 6.')).toMatchObject({ iso: '2025-03-06', precision: 'explicit' });
    expect(dateOf('In an October 28 statement, the council said so.')?.iso).toBe('2024-10-28');
    expect(dateOf('The envoys met on 2 Sept.')?.iso).toBe('2024-09-02');
  });

  it('reads a full date in either order', () => {
    expect(dateOf('The treaty was signed on 13 April 2021 in the capital.')?.iso).toBe('2021-04-13');
    expect(dateOf('The treaty was signed on April 13, 2021.')?.iso).toBe('2021-04-13');
  });

  it('reads a month alone as that month', () => {
    expect(dateOf('In January the plan was signed.')).toMatchObject({ iso: '2025-01', precision: 'explicit' });
  });

  it('reads relative days against the publication date', () => {
    expect(dateOf('She said on Tuesday that the border would open.')).toMatchObject({
      iso: '2025-03-11',
      precision: 'relative',
    });
    expect(dateOf('Yesterday the minister resigned.')?.iso).toBe('2025-03-13');
    expect(dateOf('Last week the minister resigned.')?.iso).toBe('2025-03-07');
  });

  it('does not take an agency dateline for the date of what is reported', () => {
    expect(
      dateOf('STRELSAU, March 10 (Stage Wire) — The minister said on Monday that talks would resume.'),
    ).toMatchObject({ iso: '2025-03-10', text: 'on Monday' });
    expect(dateOf('STRELSAU, March 10 (Stage Wire) — The minister said talks would resume.')).toBeNull();
  });

  it('finds nothing in a sentence without a date, and no relative date without a publication date', () => {
    expect(dateOf('The minister said talks would resume.')).toBeNull();
    expect(findStatementDate('She spoke on Tuesday.', null)).toBeNull();
  });
});
