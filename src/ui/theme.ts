/** Colours are semantic tokens; with NO_COLOR every token is undefined and shapes carry the meaning. */
export interface Theme {
  readonly venue?: string;
  readonly oracle?: string;
  readonly danger?: string;
  readonly warning?: string;
  readonly safe?: string;
  readonly accent?: string;
  readonly muted?: string;
  readonly axis?: string;
}

const COLOURS: Theme = {
  venue: 'cyan',
  oracle: 'yellow',
  danger: 'red',
  warning: 'yellow',
  safe: 'green',
  accent: 'magenta',
  muted: 'gray',
  axis: 'gray',
};

/** NO_COLOR (any non-empty value) turns colour off: https://no-color.org */
export function themeFor(env: Record<string, string | undefined>): Theme {
  return env.NO_COLOR ? {} : COLOURS;
}
