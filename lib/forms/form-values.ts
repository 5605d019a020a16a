import type { HostContext } from '../hosts/host-context';
import type { HostId } from '../hosts/supported-hosts';

/**
 * Small conversions every builder shares: what a form field holds (always a
 * string, a list or a flag) to what a record column holds.
 */

/** Where a record was learnt, as the record's source columns name it. */
export interface RecordSource {
  host: HostId;
  /** The thread or event id in the host's own terms. */
  ref: string | null;
  /** A link that reopens the thread or event (https only; anything else is dropped). */
  url: string | null;
}

/** Trimmed text, or `null` when nothing was typed. */
export function textOrNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/** A date field's `YYYY-MM-DD`, or `null` when empty. */
export function dayOrNull(value: string): string | null {
  return value.trim() === '' ? null : value.trim();
}

/**
 * An amount typed by a person ("12,500", "12500.50", "$ 9 000") as a number;
 * `null` when empty; `NaN` when it is not a number, so the schema rejects it
 * and the typed text stays for the person to fix.
 */
export function amountOrNull(value: string): number | null {
  const cleaned = value.replace(/[\s,$€£]/g, '');
  if (cleaned === '') return null;
  return /^\d+(\.\d{1,2})?$/.test(cleaned) ? Number(cleaned) : Number.NaN;
}

/** One item per non-empty line, trimmed. */
export function lines(value: string): string[] {
  return value
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** The record's source columns; all `null` when the record was not logged from a thread or event. */
export function sourceColumns(source: RecordSource | undefined) {
  return {
    source_host: source?.host ?? null,
    source_ref: source?.ref ? source.ref.slice(0, 500) : null,
    source_url: source?.url && source.url.startsWith('https://') && source.url.length <= 2000 ? source.url : null,
  };
}

/** The source of a host context: the open thread or event. `undefined` when nothing is open. */
export function sourceFromContext(context: HostContext | undefined): RecordSource | undefined {
  if (!context || context.view === 'none') return undefined;
  const url = context.link && context.link.startsWith('https://') ? context.link : null;
  return { host: context.host, ref: context.id ?? null, url };
}

/** A day in the person's own time zone, `YYYY-MM-DD`. */
export function localDay(date: Date): string {
  const month = String(date.getMonth() + 1).padStart(2, '0');
  const day = String(date.getDate()).padStart(2, '0');
  return `${String(date.getFullYear()).padStart(4, '0')}-${month}-${day}`;
}

/** The day of an ISO instant from the page (an event's start), or `undefined` when it is not a date. */
export function dayOfInstant(instant: string | undefined): string | undefined {
  if (!instant) return undefined;
  const date = new Date(instant);
  return Number.isNaN(date.getTime()) ? undefined : localDay(date);
}
