// Imported first by a test file whose frames must hold colour: colour is forced on before Ink's colour
// library is first imported (vitest's stdout is not a TTY, so without this no frame would ever hold a
// colour, and the NO_COLOR assertions could not fail), and put back after the file's tests.
import { afterAll } from 'vitest';

const before = process.env.FORCE_COLOR;
process.env.FORCE_COLOR = '1';
afterAll(() => {
  if (before === undefined) delete process.env.FORCE_COLOR;
  else process.env.FORCE_COLOR = before;
});
