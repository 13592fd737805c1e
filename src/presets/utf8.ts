/** The most bytes a preset or price-path file may hold (README, "Presets are data"). */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

/**
 * The offset of the first byte of `bytes` that is not part of well-formed UTF-8 (overlong forms,
 * surrogates and code points above U+10FFFF included), or -1 when all of it is. Only run once a strict
 * decoder has refused the bytes, to say where.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const need =
      b < 0x80
        ? 0
        : b >= 0xc2 && b <= 0xdf
          ? 1
          : b >= 0xe0 && b <= 0xef
            ? 2
            : b >= 0xf0 && b <= 0xf4
              ? 3
              : -1;
    if (need < 0) return i;
    if (i + need >= bytes.length && need > 0) return i;
    // The second byte's range is narrower after E0, ED, F0 and F4 (no overlong forms, surrogates or > U+10FFFF).
    const second = bytes[i + 1] ?? 0;
    const low = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
    const high = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
    if (need > 0 && (second < low || second > high)) return i;
    for (let k = 2; k <= need; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    i += need + 1;
  }
  return -1;
}

const strict = new TextDecoder('utf-8', { fatal: true });

/** The text of `bytes`, strictly UTF-8 (a leading BOM dropped), or the byte offset where it is not. */
export function decodeUtf8(bytes: Uint8Array): { ok: true; text: string } | { ok: false; reason: string } {
  try {
    return { ok: true, text: strict.decode(bytes) };
  } catch {
    return {
      ok: false,
      reason: `is not UTF-8 text: an invalid byte at offset ${firstInvalidUtf8(bytes)} (counting from 0)`,
    };
  }
}
