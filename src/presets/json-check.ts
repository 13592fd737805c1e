import { createScanner } from 'jsonc-parser';
import { quote } from './describe.js';

// jsonc-parser's SyntaxKind and ScanError are const enums, which this build cannot import: their values.
const SyntaxKind = {
  OpenBraceToken: 1,
  CloseBraceToken: 2,
  OpenBracketToken: 3,
  CloseBracketToken: 4,
  CommaToken: 5,
  ColonToken: 6,
  NullKeyword: 7,
  TrueKeyword: 8,
  FalseKeyword: 9,
  StringLiteral: 10,
  NumericLiteral: 11,
  LineCommentTrivia: 12,
  BlockCommentTrivia: 13,
  LineBreakTrivia: 14,
  Trivia: 15,
  EOF: 17,
} as const;
const ScanError = {
  None: 0,
  UnexpectedEndOfComment: 1,
  UnexpectedEndOfString: 2,
  UnexpectedEndOfNumber: 3,
  InvalidUnicode: 4,
  InvalidEscapeCharacter: 5,
  InvalidCharacter: 6,
} as const;

/** The deepest a preset's JSON may nest: a preset needs 5 levels; 64 leaves room and bounds every walk. */
export const MAX_JSON_DEPTH = 64;

const SCAN_ERRORS: Partial<Record<number, string>> = {
  [ScanError.UnexpectedEndOfComment]: 'comments are not allowed in JSON',
  [ScanError.UnexpectedEndOfString]: 'a string is not closed',
  [ScanError.UnexpectedEndOfNumber]: 'a number is cut short',
  [ScanError.InvalidUnicode]: 'a string has an invalid unicode escape',
  [ScanError.InvalidEscapeCharacter]: 'a string has an invalid escape',
  [ScanError.InvalidCharacter]: 'a string holds a control character',
};

type Expect = 'value' | 'value-or-close' | 'key' | 'key-or-close' | 'colon' | 'comma-or-close' | 'end';

interface Frame {
  readonly array: boolean;
  /** An object's keys so far, each with the line it is on. */
  readonly keys?: Map<string, number>;
}

/**
 * Checks JSON text in one pass over its tokens, with an explicit stack (no recursion, so any nesting is
 * safe) and memory for the keys of the open objects only: the first syntax error with its line and column,
 * nesting deeper than MAX_JSON_DEPTH, or a key repeated in one object (naming both lines). Undefined when
 * the text is one well-formed JSON value with no repeated key.
 */
export function checkJsonText(text: string): string | undefined {
  const scanner = createScanner(text, false);
  const stack: Frame[] = [];
  let expect: Expect = 'value';
  const at = () => `line ${scanner.getTokenStartLine() + 1}, column ${scanner.getTokenStartCharacter() + 1}`;
  const fail = (reason: string) => `invalid JSON at ${at()}: ${reason}`;
  const afterValue = (): Expect => (stack.length === 0 ? 'end' : 'comma-or-close');
  for (;;) {
    const token = scanner.scan() as number;
    if (token === SyntaxKind.Trivia || token === SyntaxKind.LineBreakTrivia) continue;
    if (token === SyntaxKind.LineCommentTrivia || token === SyntaxKind.BlockCommentTrivia)
      return fail('comments are not allowed in JSON');
    const scanError = scanner.getTokenError();
    if (scanError !== ScanError.None) return fail(SCAN_ERRORS[scanError] ?? 'syntax error');
    const top = stack.at(-1);
    switch (token) {
      case SyntaxKind.EOF:
        if (expect === 'end') return undefined;
        return fail(
          stack.length === 0
            ? 'expected a value'
            : top!.array
              ? 'expected ] to close the array'
              : 'expected } to close the object',
        );
      case SyntaxKind.OpenBraceToken:
      case SyntaxKind.OpenBracketToken:
        if (expect !== 'value' && expect !== 'value-or-close') return fail(unexpected(expect));
        if (stack.length >= MAX_JSON_DEPTH)
          return fail(`nested deeper than ${MAX_JSON_DEPTH} levels, far deeper than a preset needs`);
        if (token === SyntaxKind.OpenBraceToken) {
          stack.push({ array: false, keys: new Map() });
          expect = 'key-or-close';
        } else {
          stack.push({ array: true });
          expect = 'value-or-close';
        }
        break;
      case SyntaxKind.CloseBraceToken:
      case SyntaxKind.CloseBracketToken: {
        const closesArray = token === SyntaxKind.CloseBracketToken;
        const allowed = closesArray
          ? expect === 'value-or-close' || expect === 'comma-or-close'
          : expect === 'key-or-close' || expect === 'comma-or-close';
        if (!top || top.array !== closesArray || !allowed) return fail(unexpected(expect));
        stack.pop();
        expect = afterValue();
        break;
      }
      case SyntaxKind.CommaToken:
        if (expect !== 'comma-or-close') return fail(unexpected(expect));
        expect = top!.array ? 'value' : 'key';
        break;
      case SyntaxKind.ColonToken:
        if (expect !== 'colon') return fail(unexpected(expect));
        expect = 'value';
        break;
      case SyntaxKind.StringLiteral:
        if (expect === 'key' || expect === 'key-or-close') {
          const key = scanner.getTokenValue();
          const line = scanner.getTokenStartLine() + 1;
          const first = top!.keys!.get(key);
          if (first !== undefined)
            return `invalid preset at line ${line}: the key ${quote(key)} appears twice in one object (lines ${first} and ${line}); JSON parsers disagree on which one wins`;
          top!.keys!.set(key, line);
          expect = 'colon';
          break;
        }
        if (expect !== 'value' && expect !== 'value-or-close') return fail(unexpected(expect));
        expect = afterValue();
        break;
      case SyntaxKind.NumericLiteral:
      case SyntaxKind.TrueKeyword:
      case SyntaxKind.FalseKeyword:
      case SyntaxKind.NullKeyword:
        if (expect !== 'value' && expect !== 'value-or-close') return fail(unexpected(expect));
        expect = afterValue();
        break;
      default:
        return fail('unexpected characters (strings need double quotes; true, false, null are lower case)');
    }
  }
}

function unexpected(expect: Expect): string {
  switch (expect) {
    case 'key':
    case 'key-or-close':
      return 'expected a field name in double quotes (a trailing comma?)';
    case 'colon':
      return 'expected a colon after the field name';
    case 'comma-or-close':
      return 'expected a comma';
    case 'end':
      return 'expected the end of the file after the preset';
    default:
      return 'expected a value (a trailing comma, or a missing value?)';
  }
}
