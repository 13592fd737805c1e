import { parse as parseTolerant, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { presetSchema, type Preset } from './schema/index.js';
import { toProblems, type Problem } from './problems.js';

export type ParseResult = { ok: true; preset: Preset } | { ok: false; problems: Problem[] };

/** Where in `text` a character offset falls, 1-based. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

const SYNTAX_ERRORS: Partial<Record<string, string>> = {
  ValueExpected: 'expected a value (a trailing comma, or a missing value?)',
  PropertyNameExpected: 'expected a field name in double quotes (a trailing comma?)',
  InvalidSymbol: 'unexpected characters (strings need double quotes; true, false, null are lower case)',
  CommaExpected: 'expected a comma',
  ColonExpected: 'expected a colon after the field name',
  CloseBraceExpected: 'expected } to close the object',
  CloseBracketExpected: 'expected ] to close the array',
  EndOfFileExpected: 'expected the end of the file after the preset',
  InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfComment: 'comments are not allowed in JSON',
  UnexpectedEndOfString: 'a string is not closed',
  UnexpectedEndOfNumber: 'a number is cut short',
  InvalidNumberFormat: 'a number is not in JSON form',
  InvalidEscapeCharacter: 'a string has an invalid escape',
  InvalidUnicode: 'a string has an invalid unicode escape',
  InvalidCharacter: 'a string holds a control character',
};

/** Where the first syntax error of `text` is, with a reason; jsonc-parser in strict JSON mode finds it. */
function locateSyntaxError(text: string): string {
  if (text.trim() === '') return 'invalid JSON: the file is empty';
  const errors: ParseError[] = [];
  parseTolerant(text, errors, {
    disallowComments: true,
    allowTrailingComma: false,
    allowEmptyContent: false,
  });
  const first = errors[0];
  if (!first) return 'invalid JSON';
  const { line, column } = lineAndColumn(text, first.offset);
  return `invalid JSON at line ${line}, column ${column}: ${SYNTAX_ERRORS[printParseErrorCode(first.error)] ?? 'syntax error'}`;
}

/** Parses JSON text, reporting a syntax error with its line and column. */
export function parseJson(text: string): { ok: true; value: unknown } | { ok: false; problems: Problem[] } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, problems: [{ path: '', message: locateSyntaxError(text) }] };
  }
}

/** Validates an already-parsed value as a preset, collecting every problem. */
export function validatePreset(value: unknown): ParseResult {
  const result = presetSchema.safeParse(value, { reportInput: true });
  if (result.success) return { ok: true, preset: result.data };
  return { ok: false, problems: toProblems(presetSchema, result.error.issues) };
}

/** Parses and validates the text of a preset file. */
export function parsePreset(text: string): ParseResult {
  const json = parseJson(text);
  return json.ok ? validatePreset(json.value) : json;
}
