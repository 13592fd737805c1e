// The packages that get src/ui/text-width.ts (string-width with a fast path for the glyphs the dashboard
// draws) in place of string-width: Ink itself and the two packages through which Ink measures every line
// of every frame. scripts/bundle.mjs applies it to the dashboard's bundle; bench/render.mjs applies the
// same to the modules it renders (bench/text-width-loader.mjs), so that it times what the app runs.
// wrap-ansi keeps its own string-width (a different major version, which it resolves itself).
const IMPORTERS = ['/node_modules/ink/', '/node_modules/widest-line/', '/node_modules/cli-truncate/'];

/** Whether `importer` (a path or a file URL) gets text-width for its `string-width`. */
export function takesTextWidth(importer) {
  if (importer === undefined) return false;
  const path = String(importer).replaceAll('\\', '/');
  return IMPORTERS.some((part) => path.includes(part));
}

/** The bundler's plugin: `string-width` imported by those packages resolves to `target`. */
export function textWidthPlugin(target) {
  return {
    name: 'liqloop-text-width',
    resolveId(source, importer) {
      return source === 'string-width' && takesTextWidth(importer) ? target : null;
    },
  };
}
