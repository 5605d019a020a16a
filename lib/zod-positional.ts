import type { z } from 'zod';
import { GUID_PATTERN_SOURCE, isGuid } from './guid';
import { fastCheckOf, type FastCheck } from './zod-fast-check';

/**
 * A compact ("positional") JSON form of data a zod schema describes, and its
 * checked decoder, both derived from the schema itself: the schema stays the
 * one definition of the shape, of what is valid, and now of the wire layout.
 *
 * Why: the dashboard reads every fact of the organization (issue 9). Written
 * as objects, each record repeats its key names, and PostgreSQL's JSON adds
 * whitespace; at 20,000 accounts that was 93 MB to produce, send, store,
 * parse and check. In this form:
 * - an object is an array of its values in the schema's key order (a reader
 *   ignores values past the ones it knows, so a newer writer may only ever
 *   append fields, as a newer view may add keys to an object);
 * - an enum value is its index in the schema's list of values;
 * - a calendar day (`z.iso.date()`) is the number of days since 1970-01-01;
 * - everything else (ids, timestamps, numbers, booleans, null, arrays) is
 *   written as it is; a field with a default is written like its inner
 *   schema (an absent one decodes to the default).
 *
 * Decoding checks every value as it builds the named object: the same
 * patterns and bounds as the schema (ids, timestamps, amounts), enum indexes
 * in range, day numbers that are real days, and the object-level refinements;
 * so what it gives back is what `schema.parse` would give for the named form.
 * A value that does not fit stops the decoding with its path and a message
 * (zod's own message where the value is the same on the wire).
 * zod-positional.test.ts holds decode ∘ encode to the identity on valid data,
 * and every mutation of a field to a refusal.
 */
export type PositionalResult<T> = { ok: true; value: T } | { ok: false; path: (string | number)[]; message: string };

export interface Positional<T> {
  /** The named value from its compact form, checked; or where and why it does not fit. */
  decode(wire: unknown): PositionalResult<T>;
  /**
   * Whether every value of the compact form fits, checked exactly as `decode`
   * checks it, building nothing: for a reader that builds its own form from the
   * wire (the dashboard's prepared facts). Object-level refinements read the
   * named value, so they are not run here: such a reader checks them itself,
   * and asks `decode` for the path and reason of a misfit.
   */
  fitsExceptRefinements(wire: unknown): boolean;
  /** The compact form of a valid named value (for tests and fixtures; the database writes it in production). */
  encode(value: T): unknown;
}

interface Def {
  type: string;
  checks?: { _zod: { def: { check: string; fn?: (value: unknown) => unknown } } }[];
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  entries?: Record<string, string | number>;
  format?: string;
  pattern?: RegExp;
  defaultValue?: unknown;
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** Returned by a step that failed; `problem` then says where and why. */
const FAIL: unique symbol = Symbol('does not fit');
type Step = (wire: unknown) => unknown;
interface Problem {
  path: (string | number)[];
  message: string;
}
let problem: Problem = { path: [], message: '' };

function fail(message: string): typeof FAIL {
  problem = { path: [], message };
  return FAIL;
}

export function positionalOf<S extends z.ZodType>(schema: S): Positional<z.output<S>> {
  const step = decoderOf(schema);
  const fits = checkerOf(schema);
  const encode = encoderOf(schema);
  return {
    decode(wire) {
      const value = step(wire);
      if (value === FAIL) return { ok: false, path: problem.path, message: problem.message };
      return { ok: true, value: value as z.output<S> };
    },
    fitsExceptRefinements: fits,
    encode: (value) => encode(value),
  };
}

const MS_PER_DAY = 86_400_000;

function decoderOf(schema: z.ZodType): Step {
  const def = defOf(schema);
  switch (def.type) {
    case 'string':
      return def.format === 'date' ? dayDecoder(def) : sameOnTheWire(schema);
    case 'number':
    case 'boolean':
      return sameOnTheWire(schema);
    case 'enum': {
      const values = Object.values(def.entries ?? {});
      return (wire) =>
        typeof wire === 'number' && Number.isInteger(wire) && wire >= 0 && wire < values.length
          ? values[wire]
          : fail(`expected the index of one of ${values.join(', ')} (0 to ${values.length - 1}), got ${JSON.stringify(wire)}`);
    }
    case 'nullable': {
      const inner = decoderOf(def.innerType!);
      return (wire) => (wire === null ? null : inner(wire));
    }
    // A field with a default (a record's optional columns): the writer always
    // writes it; an absent value gets the default, as zod would give it.
    case 'default': {
      const inner = decoderOf(def.innerType!);
      return (wire) => (wire === undefined ? def.defaultValue : inner(wire));
    }
    case 'array': {
      const element = decoderOf(def.element!);
      return (wire) => {
        if (!Array.isArray(wire)) return fail(`expected a list, got ${describe(wire)}`);
        const out = new Array<unknown>(wire.length);
        for (let i = 0; i < wire.length; i += 1) {
          const value = element(wire[i]);
          if (value === FAIL) return within(i);
          out[i] = value;
        }
        return out;
      };
    }
    case 'object':
      return objectDecoder(schema, def);
    default:
      throw new Error(`zod-positional: no compact form for a ${def.type} schema`);
  }
}

/** A value written as it is: the schema's own fast check, zod's message when it fails. */
function sameOnTheWire(schema: z.ZodType): Step {
  const check = wireCheckOf(schema);
  return (wire) => (check(wire) ? wire : fail(schema.safeParse(wire).error?.issues[0]?.message ?? 'Invalid value'));
}

/** The yes/no check of a value written as it is: a guid by its characters, anything else by the schema's fast check. */
function wireCheckOf(schema: z.ZodType): FastCheck {
  const def = defOf(schema);
  if (def.type === 'string' && def.format === 'guid' && def.pattern?.source === GUID_PATTERN_SOURCE && (def.checks ?? []).length <= 1) return isGuid;
  const check: FastCheck | null = fastCheckOf(schema);
  if (!check) throw new Error(`zod-positional: no fast check for a ${def.type} schema`);
  return check;
}


/**
 * A day number → `YYYY-MM-DD`. Days repeat across records (a few hundred
 * distinct ones in an organization), so each is formatted and checked against
 * the schema's pattern once.
 */
function dayDecoder(def: Def): Step {
  const pattern = def.pattern ? new RegExp(def.pattern.source, def.pattern.flags.replace('g', '')) : null;
  const days = new Map<number, string>();
  return (wire) => {
    if (typeof wire === 'number') {
      const known = days.get(wire);
      if (known !== undefined) return known;
      if (Number.isInteger(wire) && Math.abs(wire) < 1e8) {
        const day = new Date(wire * MS_PER_DAY).toISOString().slice(0, 10);
        if (!pattern || pattern.test(day)) {
          days.set(wire, day);
          return day;
        }
      }
    }
    return fail(`expected a day as a number of days since 1970-01-01 (years 0000 to 9999), got ${JSON.stringify(wire)}`);
  };
}

function objectDecoder(schema: z.ZodType, def: Def): Step {
  const keys = Object.keys(def.shape ?? {});
  const fields = keys.map((key) => decoderOf(def.shape![key]!));
  const refinements = (def.checks ?? []).map((c) => {
    if (c._zod.def.check !== 'custom' || !c._zod.def.fn) throw new Error(`zod-positional: no compact form for an object check ${c._zod.def.check}`);
    return c._zod.def.fn;
  });
  const count = keys.length;
  return (wire) => {
    if (!Array.isArray(wire)) return fail(`expected the ${count} fields ${keys.join(', ')} as a list, got ${describe(wire)}`);
    if (wire.length < count) return fail(`expected the ${count} fields ${keys.join(', ')}, got ${wire.length}`);
    const out: Record<string, unknown> = {};
    for (let i = 0; i < count; i += 1) {
      const value = fields[i]!(wire[i]);
      if (value === FAIL) return within(keys[i]!);
      out[keys[i]!] = value;
    }
    for (const refinement of refinements) {
      const verdict = refinement(out);
      if (!verdict || verdict instanceof Promise) {
        // The named value is built: zod names the refinement's own path and message.
        const issue = schema.safeParse(out).error?.issues[0];
        problem = { path: issue?.path.map((p) => (typeof p === 'symbol' ? String(p) : p)) ?? [], message: issue?.message ?? 'Invalid value' };
        return FAIL;
      }
    }
    return out;
  };
}

type Check = (wire: unknown) => boolean;

/** `decoderOf`'s checks without building anything (and without object refinements, see `fitsExceptRefinements`). */
function checkerOf(schema: z.ZodType): Check {
  const def = defOf(schema);
  switch (def.type) {
    case 'string':
      if (def.format === 'date') {
        const day = dayDecoder(def);
        return (wire) => day(wire) !== FAIL;
      }
      return wireCheckOf(schema);
    case 'number':
    case 'boolean':
      return wireCheckOf(schema);
    case 'enum': {
      const count = Object.values(def.entries ?? {}).length;
      return (wire) => typeof wire === 'number' && Number.isInteger(wire) && wire >= 0 && wire < count;
    }
    case 'nullable': {
      const inner = checkerOf(def.innerType!);
      return (wire) => wire === null || inner(wire);
    }
    case 'default': {
      const inner = checkerOf(def.innerType!);
      return (wire) => wire === undefined || inner(wire);
    }
    case 'array': {
      const element = checkerOf(def.element!);
      return (wire) => {
        if (!Array.isArray(wire)) return false;
        for (let i = 0; i < wire.length; i += 1) if (!element(wire[i])) return false;
        return true;
      };
    }
    case 'object': {
      const shape = def.shape ?? {};
      const fields = Object.keys(shape).map((key) => checkerOf(shape[key]!));
      const count = fields.length;
      return (wire) => {
        if (!Array.isArray(wire) || wire.length < count) return false;
        for (let i = 0; i < count; i += 1) if (!fields[i]!(wire[i])) return false;
        return true;
      };
    }
    default:
      throw new Error(`zod-positional: no compact form for a ${def.type} schema`);
  }
}

/** The index of each key of an object schema in its compact form: readers that build from the wire name fields by these. */
export function fieldIndexes<S extends z.ZodObject>(schema: S): { readonly [K in keyof z.output<S> & string]: number } {
  return Object.fromEntries(Object.keys(defOf(schema).shape ?? {}).map((key, i) => [key, i])) as { readonly [K in keyof z.output<S> & string]: number };
}

/** A child at `key` failed: the problem's path gains `key` in front. */
function within(key: string | number): typeof FAIL {
  problem.path.unshift(key);
  return FAIL;
}

function describe(wire: unknown): string {
  if (wire === null) return 'null';
  if (Array.isArray(wire)) return `a list of ${wire.length}`;
  return typeof wire === 'object' ? 'an object' : JSON.stringify(wire);
}

type Encode = (value: unknown) => unknown;

function encoderOf(schema: z.ZodType): Encode {
  const def = defOf(schema);
  switch (def.type) {
    case 'string':
      return def.format === 'date' ? (value) => Date.parse(`${String(value)}T00:00:00Z`) / MS_PER_DAY : (value) => value;
    case 'number':
    case 'boolean':
      return (value) => value;
    case 'enum': {
      const values = Object.values(def.entries ?? {});
      return (value) => values.indexOf(value as string);
    }
    case 'nullable': {
      const inner = encoderOf(def.innerType!);
      return (value) => (value === null ? null : inner(value));
    }
    case 'default':
      return encoderOf(def.innerType!);
    case 'array': {
      const element = encoderOf(def.element!);
      return (value) => (value as unknown[]).map(element);
    }
    case 'object': {
      const keys = Object.keys(def.shape ?? {});
      const fields = keys.map((key) => encoderOf(def.shape![key]!));
      return (value) => keys.map((key, i) => fields[i]!((value as Record<string, unknown>)[key]));
    }
    default:
      throw new Error(`zod-positional: no compact form for a ${def.type} schema`);
  }
}
