/**
 * Characters a terminal may obey or that reorder what it shows: C0 and C1 controls, DEL, and the
 * bidirectional and line/paragraph separators. Never printed raw from a file.
 */
const UNPRINTABLE = /[\p{Cc}\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;

/** `text` with every unprintable character written as a \uXXXX escape: safe to print on a terminal. */
export function escapeText(text: string): string {
  return text.replace(UNPRINTABLE, (c) => `\\u${c.codePointAt(0)!.toString(16).padStart(4, '0')}`);
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
