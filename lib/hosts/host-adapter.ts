import type { ReadResult } from './host-context';
import type { HostId } from './supported-hosts';

/**
 * A reader of one host's page. Every host Sidecar supports has exactly one
 * adapter (see `registry.ts`), and each adapter is a pure function of what it
 * is given: no timers, no listeners, no globals. Watching the page for change
 * is the watcher's job (`watcher.ts`), which is why this can be tested on
 * saved HTML.
 *
 * Privacy rule for every implementation: read headers only (subject,
 * participants, ids, times). Never read a message body or an event
 * description, not even to search it.
 */
export interface HostAdapter {
  /** The host this adapter reads; the registry key and the `host` of every result. */
  readonly id: HostId;

  /**
   * Reads the page under `root` as it is at the address `url`.
   *
   * - A thread, event or draft is open: `{ ok: true, context }` with the
   *   matching `view`.
   * - A page of this host with nothing open (inbox list, calendar grid):
   *   `{ ok: true, context }` with `view: 'none'` and no participants.
   * - Another host's address or page: a `wrong-host` failure.
   * - Something is open but an anchor is missing: a `missing-element` failure
   *   naming the anchor, so the panel can say "cannot read this page" instead
   *   of showing nothing.
   *
   * Never throws on any page; the watcher still guards against it.
   */
  read(root: ParentNode, url: URL | string): ReadResult;

  /**
   * A CSS selector list matching the elements whose arrival, removal or
   * attribute change may alter the context. The watcher ignores mutations
   * that touch none of them, which keeps it cheap while the host re-renders
   * unrelated parts of its page (lists, timers, chat).
   */
  readonly watchSelector: string;

  /** Attribute names whose change on a `watchSelector` element may alter the context. */
  readonly watchAttributes: readonly string[];
}
