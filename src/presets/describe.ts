/**
 * Characters a terminal may obey or that reorder what it shows: C0 and C1 controls, DEL, and the
 * bidirectional and line/paragraph separators. Never printed raw from a file.
 */
const UNPRINTABLE = /[\p{Cc}\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;

const escape = (c: string) => `\\u${c.codePointAt(0)!.toString(16).padStart(4, '0')}`;

/** `text` with every unprintable character written as a \uXXXX escape: safe to print on a terminal. */
export function escapeText(text: string): string {
  return text.replace(UNPRINTABLE, escape);
}

/** The characters `terminalText` leaves as they are: a line break and a tab lay text out, nothing more. */
const LAYOUT = new Set(['\n', '\t']);

/**
 * The one escape on the way to a terminal: every unprintable character of `text` escaped (escapeText) but
 * line breaks and tabs. Whatever a preset's text holds, even past the schema (a file's name), it is shown
 * and never obeyed. Every write of the CLI goes through it, and the app's text from files.
 */
export function terminalText(text: string): string {
  return text.replace(UNPRINTABLE, (c) => (LAYOUT.has(c) ? c : escape(c)));
}

/** A copy of `value` with every string in it (keys too) passed through terminalText, for display. */
export function terminalStrings<T>(value: T): T {
  if (typeof value === 'string') return terminalText(value) as T;
  if (Array.isArray(value)) return value.map(terminalStrings) as T;
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [terminalText(k), terminalStrings(v)]),
  ) as T;
}

/** A string from a file as a message quotes it: in double quotes, escaped, at most `max` characters. */
export function quote(text: string, max = 40): string {
  return escapeText(JSON.stringify(text.length > max ? `${text.slice(0, max)}…` : text));
}

/** How a value found in a preset is named in an error message. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing (the field is missing)';
  if (value === null) return 'null';
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return 'NaN';
    if (!Number.isFinite(value)) return `${value} (a number too large to be finite, like 1e400)`;
    return String(value);
  }
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return 'an array';
  return 'an object';
}
