import { z } from 'zod';
import { describeValue } from '../describe.js';
import { ROUND_LENGTH_PATTERN, ROUND_LENGTH_RULE } from '../../round-length.js';
import { TEXT_RULE, UNSAFE_TEXT, expecting } from './common.js';

/** `roundLength`: how long a round stands for, "1 hour" (src/round-length.ts has the grammar). */
export const roundLength = z
  .string({ error: expecting('a string: a round length such as "1 hour"') })
  .regex(new RegExp(ROUND_LENGTH_PATTERN, 'u'), {
    error: (issue) => {
      const input = String(issue.input);
      const at = input.search(UNSAFE_TEXT);
      if (at >= 0) {
        const code = input.codePointAt(at)!.toString(16).toUpperCase().padStart(4, '0');
        return `expected ${TEXT_RULE}, got a string with U+${code} at character ${at + 1}`;
      }
      return `expected a round length: ${ROUND_LENGTH_RULE}; got ${describeValue(issue.input)}`;
    },
  })
  .describe(
    `how long one round stands for (presentation only: the header's elapsed time and the chart's time axis): ${ROUND_LENGTH_RULE}`,
  );
