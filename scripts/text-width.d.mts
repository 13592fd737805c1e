/** Types of text-width.mjs, for the test that checks which packages get text-width. */
export function takesTextWidth(importer: string | undefined): boolean;
export function textWidthPlugin(target: string): {
  readonly name: string;
  resolveId(source: string, importer: string | undefined): string | null;
};
