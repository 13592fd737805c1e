/**
 * One style for every message on stderr, liqloop's own and commander's (npm, gh and eslint as anchors):
 * `liqloop: ` then a lower-case sentence without a final full stop; clauses joined by "; ", a suggestion last
 * ("; did you mean --json?"), values in double quotes, and a hint on a line of its own in parentheses.
 */
import { escapeText, quote } from '../presets/describe.js';

export const MESSAGE_PREFIX = 'liqloop: ';

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/** Commander's error text (`error: unknown option '--jsn'\n(Did you mean --json?)`) in liqloop's style. */
export function conventionalError(text: string): string {
  const [first = '', ...rest] = text.replace(/\n+$/, '').split('\n');
  let line = first.replace(/^error: /, '');
  const hints: string[] = [];
  for (const extra of rest) {
    const suggestion = /^\(Did you mean (.*)\?\)$/.exec(extra);
    if (suggestion) line += `; did you mean ${JSON.stringify(suggestion[1])}?`;
    else hints.push(extra);
  }
  line = line
    // The value the user typed, whatever quotes it holds: `argument 'x' is invalid. expected …`.
    .replace(
      / (argument|value) '(.*)' (from env '[^']*' )?is invalid\. ?/,
      (_m, what: string, value: string, env?: string) =>
        ` ${what} ${quote(value, 80)} ${env ? env.replaceAll("'", '"') : ''}is invalid: `,
    )
    // Commander's names (options, arguments, commands) in single quotes.
    .replace(/'([^'\s]*(?: <[^>]*>| \[[^\]]*\])?)'/g, '"$1"')
    // "too many arguments for "run". Expected 1 argument but got 2." and the like: one sentence.
    .replace(/\. ([A-Z])/g, (_m, letter: string) => `; ${lowerFirst(letter)}`)
    .replace(/\.$/, '');
  // What the user typed is quoted back: escaped, so that no control character reaches the terminal.
  return [`${MESSAGE_PREFIX}${line}`, ...hints].map((l) => `${escapeText(l)}\n`).join('');
}
