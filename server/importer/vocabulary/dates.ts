/**
 * Month and weekday names as articles write them.
 * General English news vocabulary, not tuned to any article.
 */

/** Month names, January first. */
export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** Months as articles write them, abbreviations too ("Sept" before "Sep", so that the longer one is matched). */
export const MONTH_NAMES = [
  ...MONTHS,
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'Jun',
  'Jul',
  'Aug',
  'Sept',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
];

/** Weekdays in lower case, Sunday first (Date.getUTCDay's order). */
export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
