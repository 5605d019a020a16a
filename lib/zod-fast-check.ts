import type { z } from 'zod';
import { GUID_PATTERN_SOURCE, isGuid } from './guid';

/**
 * A fast yes/no check derived from a zod schema, for the bulk data the
 * dashboard validates (hundreds of thousands of fact records).
 *
 * Why: extension pages forbid `new Function` (MV3 CSP), so zod runs
 * without its compiler (lib/zod-jitless.ts), and its interpreted parse costs
 * about 10 µs per fact record (issue 9). This walks the schema's own
 * definition once and builds plain closures, no code generation: the same
 * schema stays the one definition of the shape, and the same patterns, enum
 * values and bounds are applied.
 *
 * The check answers `true` only when `schema.safeParse(value)` would succeed
 * AND give back a value equal to `value` (no unknown key to strip, no default
 * to fill in, nothing to transform), so the caller may use `value` as the
 * parsed data. Anything else answers `false`, and the caller runs zod itself,
 * which strips, fills in, or names the problem with its path: the slow path
 * stays the reference, and the fast one only ever skips work.
 * `fastCheckOf` answers `null` for a schema using a feature it does not know
 * (a transform, a pipe, an unknown check): then there is no fast path.
 * zod-fast-check.property.test.ts holds it to zod on valid and broken data.
 */
export type FastCheck = (value: unknown) => boolean;

/** Internal shape of a zod 4 schema's definition, as far as this module reads it. */
interface Def {
  type: string;
  checks?: { _zod: { def: CheckDef } }[];
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  element?: z.ZodType;
  innerType?: z.ZodType;
  entries?: Record<string, unknown>;
  values?: unknown[];
  format?: string;
  pattern?: RegExp;
  fn?: (value: unknown) => unknown;
  options?: z.ZodType[];
}

interface CheckDef {
  check: string;
  value?: unknown;
  maximum?: number;
  minimum?: number;
  prefix?: string;
  suffix?: string;
  inclusive?: boolean;
  fn?: (value: unknown) => unknown;
  format?: string;
  pattern?: RegExp;
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** String formats whose whole check is their pattern (zod adds nothing else for these). */
const PATTERN_FORMATS = new Set(['guid', 'uuid', 'date', 'datetime', 'time', 'email']);

/** Schema kinds whose parse gives back the value itself whenever it succeeds. */
const UNCHANGING_TYPES = new Set(['string', 'number', 'boolean', 'enum', 'literal']);

/**
 * `schema.safeParse`, with zod skipped when the fast check already says the
 * value is valid as it is: the same answer, the same data.
 */
export function fastParser<T extends z.ZodType>(schema: T): (value: unknown) => z.ZodSafeParseResult<z.output<T>> {
  const fast = fastCheckOf(schema);
  if (!fast) return (value) => schema.safeParse(value);
  return (value) => (fast(value) ? { success: true, data: value as z.output<T> } : schema.safeParse(value));
}

export function fastCheckOf(schema: z.ZodType): FastCheck | null {
  try {
    return compile(schema);
  } catch (error) {
    if (error instanceof Unsupported) return null;
    throw error;
  }
}

class Unsupported extends Error {}

function compile(schema: z.ZodType): FastCheck {
  const def = defOf(schema);
  const base = compileType(def);
  const checks = (def.checks ?? []).map((c) => compileCheck(c._zod.def, def));
  if (checks.length === 0) return base;
  return (value) => {
    if (!base(value)) return false;
    for (const check of checks) if (!check(value)) return false;
    return true;
  };
}

function compileType(def: Def): FastCheck {
  switch (def.type) {
    case 'string': {
      if (def.format === undefined) return (v) => typeof v === 'string';
      if (!PATTERN_FORMATS.has(def.format) || !def.pattern) throw new Unsupported(def.format);
      // zod's own guid pattern, answered character by character (guid.ts: half a million ids a dashboard read).
      if (def.format === 'guid' && def.pattern.source === GUID_PATTERN_SOURCE) return isGuid;
      const pattern = new RegExp(def.pattern.source, def.pattern.flags.replace('g', ''));
      return (v) => typeof v === 'string' && pattern.test(v);
    }
    case 'number':
      if (def.format === undefined) return (v) => typeof v === 'number' && Number.isFinite(v);
      if (def.format === 'safeint') return (v) => typeof v === 'number' && Number.isSafeInteger(v);
      throw new Unsupported(def.format);
    case 'boolean':
      return (v) => typeof v === 'boolean';
    case 'enum': {
      const values = new Set(Object.values(def.entries ?? {}));
      return (v) => values.has(v);
    }
    case 'literal': {
      const values = new Set(def.values ?? []);
      return (v) => values.has(v);
    }
    case 'nullable': {
      const inner = compile(def.innerType!);
      return (v) => v === null || inner(v);
    }
    case 'optional': {
      const inner = compile(def.innerType!);
      return (v) => v === undefined || inner(v);
    }
    // A default or prefault changes an absent value: only a present one can pass unchanged.
    case 'default':
    case 'prefault': {
      const inner = compile(def.innerType!);
      return (v) => v !== undefined && inner(v);
    }
    case 'custom': {
      const fn = def.fn ?? (() => true);
      return (v) => isTruthyNotPromise(fn(v));
    }
    // zod answers the first option that succeeds; only when no option can change a value is "any passes" the same answer.
    case 'union': {
      const options = def.options ?? [];
      if (!options.every((o) => UNCHANGING_TYPES.has(defOf(o).type))) throw new Unsupported('union of objects');
      const checks = options.map(compile);
      return (v) => checks.some((check) => check(v));
    }
    case 'array': {
      const element = compile(def.element!);
      return (v) => {
        if (!Array.isArray(v)) return false;
        for (let i = 0; i < v.length; i += 1) if (!element(v[i])) return false;
        return true;
      };
    }
    case 'object':
      return compileObject(def);
    default:
      throw new Unsupported(def.type);
  }
}

function compileObject(def: Def): FastCheck {
  if (def.catchall && defOf(def.catchall).type !== 'never') throw new Unsupported('catchall');
  const keys = Object.keys(def.shape ?? {});
  const checks = keys.map((key) => compile(def.shape![key]!));
  const optional = keys.map((key) => ['optional'].includes(defOf(def.shape![key]!).type));
  return (v) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
    const record = v as Record<string, unknown>;
    let present = 0;
    for (let i = 0; i < keys.length; i += 1) {
      const key = keys[i]!;
      const value = record[key];
      if (value === undefined && !(key in record)) {
        if (!optional[i]) return false;
        continue;
      }
      present += 1;
      if (!checks[i]!(value)) return false;
    }
    // A key the schema does not name would be stripped: the parsed value would differ.
    let own = 0;
    for (const key in record) if (Object.hasOwn(record, key)) own += 1;
    return own === present;
  };
}

function compileCheck(check: CheckDef, owner: Def): FastCheck {
  switch (check.check) {
    case 'greater_than': {
      const bound = check.value as number;
      return check.inclusive ? (v) => (v as number) >= bound : (v) => (v as number) > bound;
    }
    case 'less_than': {
      const bound = check.value as number;
      return check.inclusive ? (v) => (v as number) <= bound : (v) => (v as number) < bound;
    }
    // Strings are measured as zod measures them: in code points, counted only
    // when the UTF-16 length leaves the answer in doubt (lib/schemas' text caps).
    case 'max_length': {
      const max = check.maximum!;
      return (v) => {
        const units = (v as { length: number }).length;
        return units <= max || (typeof v === 'string' && codePointLength(v) <= max);
      };
    }
    case 'min_length': {
      const min = check.minimum!;
      return (v) => {
        const units = (v as { length: number }).length;
        return (typeof v === 'string' && units >= min && units < min * 2 ? codePointLength(v) : units) >= min;
      };
    }
    // The format of a string or number format schema is also listed as its own check; compileType applied it.
    case 'string_format':
      if (check.format === owner.format) return () => true;
      return stringFormatCheck(check);
    case 'number_format':
      if (check.format !== owner.format) throw new Unsupported(check.check);
      return () => true;
    case 'custom': {
      const fn = check.fn ?? (() => true);
      return (v) => isTruthyNotPromise(fn(v));
    }
    default:
      throw new Unsupported(check.check);
  }
}

/** A check added to a plain string (`.regex`, `.startsWith`, …), as zod applies it. */
function stringFormatCheck(check: CheckDef): FastCheck {
  switch (check.format) {
    case 'regex':
    case 'lowercase':
    case 'uppercase': {
      if (!check.pattern) throw new Unsupported(check.format);
      const pattern = new RegExp(check.pattern.source, check.pattern.flags.replace('g', '').replace('y', ''));
      return (v) => pattern.test(v as string);
    }
    case 'starts_with': {
      const prefix = check.prefix!;
      return (v) => (v as string).startsWith(prefix);
    }
    case 'ends_with': {
      const suffix = check.suffix!;
      return (v) => (v as string).endsWith(suffix);
    }
    default:
      throw new Unsupported(check.format);
  }
}

/** Code points in a string: a surrogate pair counts once. */
function codePointLength(text: string): number {
  let count = text.length;
  for (let i = 0; i < text.length - 1; i += 1) {
    if ((text.charCodeAt(i) & 0xfc00) === 0xd800 && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      count -= 1;
      i += 1;
    }
  }
  return count;
}

function isTruthyNotPromise(result: unknown): boolean {
  return Boolean(result) && !(result instanceof Promise);
}
