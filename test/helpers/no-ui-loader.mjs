// Loaded with `node --import`: fails any attempt to load Ink or React, to prove headless commands never do.
import { register } from 'node:module';

register(
  'data:text/javascript,' +
    encodeURIComponent(`
export async function resolve(specifier, context, next) {
  if (/^(ink|react|ink-select-input|ink-testing-library)(\\/|$)/.test(specifier) || specifier.includes('/ui/')) {
    throw new Error('headless command loaded the UI module ' + specifier);
  }
  return next(specifier, context);
}`),
);
