// A module resolve hook for bench/render.mjs (registered there with `data`: the URL of the build's
// ui/text-width.js): Ink and the packages it measures text with get text-width for `string-width`, as they
// do in the dashboard's bundle (scripts/text-width.mjs), so that the bench times what the app runs.
import { takesTextWidth } from '../scripts/text-width.mjs';

let target;

export function initialize(data) {
  target = data.textWidth;
}

export async function resolve(specifier, context, next) {
  if (specifier === 'string-width' && takesTextWidth(context.parentURL))
    return { url: target, shortCircuit: true };
  return next(specifier, context);
}
