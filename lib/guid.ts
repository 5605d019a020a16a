/** zod's `z.guid()` pattern, which `isGuid` answers for without a regular expression. */
export const GUID_PATTERN_SOURCE = '^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$';

/**
 * Whether `wire` is 8-4-4-4-12 hex digits (either case) joined by dashes: what
 * zod's guid pattern accepts, read character by character. Ids are 72% of the
 * dashboard's facts bytes, and this is several times cheaper than the pattern
 * on each of its half a million ids (zod-positional.test.ts holds the two equal).
 */
export function isGuid(wire: unknown): boolean {
  if (typeof wire !== 'string' || wire.length !== 36) return false;
  if (wire.charCodeAt(8) !== 45 || wire.charCodeAt(13) !== 45 || wire.charCodeAt(18) !== 45 || wire.charCodeAt(23) !== 45) return false;
  // One table read per character, no branch: JSON.parse hands long strings out as slices of
  // its text, on which each charCodeAt costs more than a plain string's.
  let hex = 1;
  for (let i = 0; i < 8; i += 1) hex &= HEX[wire.charCodeAt(i)]!;
  for (let i = 9; i < 13; i += 1) hex &= HEX[wire.charCodeAt(i)]!;
  for (let i = 14; i < 18; i += 1) hex &= HEX[wire.charCodeAt(i)]!;
  for (let i = 19; i < 23; i += 1) hex &= HEX[wire.charCodeAt(i)]!;
  for (let i = 24; i < 36; i += 1) hex &= HEX[wire.charCodeAt(i)]!;
  return hex === 1;
}

/** 1 at the code of each hex digit (either case), 0 at every other UTF-16 code. */
const HEX = new Uint8Array(0x10000);
for (const digit of '0123456789abcdefABCDEF') HEX[digit.charCodeAt(0)] = 1;
