/** What a written variant keeps of its original's description. Pure. */

/**
 * The description without its "Press e …" sentences: they invite the reader to change a lever in the
 * what-if panel, which the variant has already done, so in the variant's own description they mislead.
 */
export function withoutWhatIfHints(description: string): string {
  return description
    .split(/(?<=[.!?])\s+/)
    .filter((sentence) => !/^press e\b/i.test(sentence.trim()))
    .join(' ')
    .trim();
}
