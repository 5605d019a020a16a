import fc from 'fast-check';
import type { z } from 'zod';
import type { RecordKind } from '../messaging/record-kinds';
import { specOf, type AnyRecord } from '../schemas/record-kinds';

/**
 * Valid records of any kind, for tests: generated from the kind's own schema
 * (lib/schemas), so a new column is covered without touching this file.
 * Values reach the edges the wire must carry: every enum value, null and
 * absent optionals, days from year 0 to 9999, timestamps with and without
 * fractions and offsets, text with quotes, backslashes, control characters
 * and characters outside the BMP, amounts with cents, lists up to a few items.
 * Each record is what `schema.parse` gives back (defaults filled in).
 */
export function recordArbitrary(kind: RecordKind): fc.Arbitrary<AnyRecord> {
  const schema = specOf(kind).schema;
  return arbitraryOf(schema)
    .map((value) => schema.safeParse(value))
    .filter((parsed) => parsed.success)
    .map((parsed) => parsed.data as AnyRecord);
}

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  entries?: Record<string, string>;
  format?: string;
  checks?: { _zod: { def: { check: string; value?: number; maximum?: number; minimum?: number; format?: string; pattern?: RegExp; prefix?: string } } }[];
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;
const checksOf = (def: Def) => (def.checks ?? []).map((c) => c._zod.def);

const MS_PER_DAY = 86_400_000;
/** 0000-01-01 and 9999-12-31 as day numbers: the days a `z.iso.date()` accepts. */
const FIRST_DAY = -719_528;
const LAST_DAY = 2_932_896;

function arbitraryOf(schema: z.ZodType): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  switch (def.type) {
    case 'object': {
      const shape = def.shape ?? {};
      return fc.record(Object.fromEntries(Object.entries(shape).map(([key, field]) => [key, arbitraryOf(field)])));
    }
    case 'default':
      return arbitraryOf(def.innerType!);
    case 'nullable':
      return fc.option(arbitraryOf(def.innerType!), { nil: null, freq: 3 });
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries ?? {}));
    case 'boolean':
      return fc.boolean();
    case 'array': {
      const max = checksOf(def).find((c) => c.check === 'max_length')?.maximum ?? 4;
      return fc.array(arbitraryOf(def.element!), { maxLength: Math.min(max, 4) });
    }
    case 'number':
      return numberOf(def);
    case 'string':
      return stringOf(schema, def);
    default:
      throw new Error(`recordArbitrary: no generator for a ${def.type} schema`);
  }
}

/** Whole numbers within the schema's bounds, or (an amount) cents up to its maximum. */
function numberOf(def: Def): fc.Arbitrary<number> {
  const checks = checksOf(def);
  const min = checks.find((c) => c.check === 'greater_than')?.value ?? 0;
  const max = checks.find((c) => c.check === 'less_than')?.value ?? 1_000_000;
  if (def.format === 'safeint') return fc.integer({ min, max });
  return fc.oneof(fc.integer({ min: min * 100, max: max * 100 }).map((cents) => cents / 100), fc.constantFrom(min, max));
}

function stringOf(schema: z.ZodType, def: Def): fc.Arbitrary<string> {
  if (def.format === 'guid') return fc.uuid();
  if (def.format === 'date') return fc.integer({ min: FIRST_DAY, max: LAST_DAY }).map((day) => new Date(day * MS_PER_DAY).toISOString().slice(0, 10));
  if (def.format === 'datetime') {
    return fc
      .tuple(fc.integer({ min: 0, max: 253_402_300_799_999 }), fc.integer({ min: 0, max: 999 }), fc.constantFrom('Z', '+00:00', '+05:30', '-08:00'))
      .map(([ms, micros, offset]) => new Date(ms).toISOString().replace('Z', `${String(micros).padStart(3, '0')}${offset}`));
  }
  const checks = checksOf(def);
  const max = Math.min(checks.find((c) => c.check === 'max_length')?.maximum ?? 40, 40);
  const pattern = checks.find((c) => c.check === 'string_format' && c.format === 'regex')?.pattern;
  const prefix = checks.find((c) => c.check === 'string_format' && c.format === 'starts_with')?.prefix ?? '';
  const text = pattern
    ? fc.stringMatching(new RegExp(pattern.source, pattern.flags.replace('g', ''))).map((s) => s.slice(0, max))
    : fc.oneof(fc.string({ maxLength: max }), fc.string({ unit: 'binary', maxLength: max }), fc.constantFrom('"quoted" \\ back\nslash\t', 'naïve 😀 café')).map((s) => prefix + s);
  // A refinement (not blank, lower-case) is met by the nearest value that fits, so few are thrown away.
  return text
    .map((s) => [s, s.toLowerCase(), `x${s.toLowerCase()}`].find((candidate) => schema.safeParse(candidate).success) ?? s)
    .filter((s) => schema.safeParse(s).success);
}
