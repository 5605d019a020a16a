import type { SidecarDb } from '../store/db';
import { readWorkspaceLink } from '../store/workspace-link';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff';
import { describeFailure, type RemoteFailure } from './errors';
import { pullChanges } from './pull';
import { pushOutbox } from './push';
import type { SyncRemote } from './remote';
import { acquireLease, readStatus, releaseLease, writeStatus, type SyncStatus } from './sync-state';

export interface SyncEngineOptions {
  db: SidecarDb;
  remote: SyncRemote;
  now?: () => number;
  random?: () => number;
  backoff?: BackoffPolicy;
  /** How long a run's lease lasts without renewal; a dead worker's lease expires after it. */
  leaseMs?: number;
  pageSize?: number;
}

export type RunReport =
  | { ran: false; reason: 'busy' | 'not-connected' | 'backing-off'; next_attempt_at?: string | null }
  | { ran: true; ok: true; sent: number; failed: number; pulled: number; rejected: string[] }
  | { ran: true; ok: false; sent: number; failed: number; pulled: number; error: string; next_attempt_at: string };

/**
 * One sync run: push the outbox, then pull what changed. Everything the run
 * needs between wakes (cursor, outbox, backoff schedule, last error) is in
 * the store, so an engine is cheap to make and may be dropped at any moment:
 * the service worker makes one per wake, and a killed run is picked up by
 * the next.
 *
 * Two wakes of the worker must not push at once (both would send the same
 * entry; harmless for the server, wasteful for the CSM's data plan), so a
 * run holds a lease in `meta`, renewed before each request. A run that dies
 * leaves its lease, which expires after `leaseMs`.
 */
export class SyncEngine {
  private readonly owner = crypto.randomUUID();
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly backoff: BackoffPolicy;
  private readonly leaseMs: number;

  constructor(private readonly options: SyncEngineOptions) {
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
    this.backoff = options.backoff ?? DEFAULT_BACKOFF;
    this.leaseMs = options.leaseMs ?? 60_000;
  }

  /**
   * Runs once. `force` ignores the backoff schedule (the CSM opened the
   * panel or pressed "sync now"); an alarm's run respects it.
   */
  async run({ force = false }: { force?: boolean } = {}): Promise<RunReport> {
    const { db, remote } = this.options;
    const link = await readWorkspaceLink(db);
    if (!link) return { ran: false, reason: 'not-connected' };
    const status = await readStatus(db);
    if (!force && status.next_attempt_at && Date.parse(status.next_attempt_at) > this.now()) {
      return { ran: false, reason: 'backing-off', next_attempt_at: status.next_attempt_at };
    }
    if (!(await acquireLease(db, this.owner, this.now(), this.leaseMs))) return { ran: false, reason: 'busy' };
    const renew = async () => {
      if (!(await acquireLease(db, this.owner, this.now(), this.leaseMs))) throw new Error('Another sync run took over this one’s lease.');
    };

    const pushed = await pushOutbox(db, remote, { organizationId: link.organization_id, beforeEach: renew });
    if (!pushed.done) return this.finishFailed(status, pushed.failure, pushed.sent, pushed.failed, 0);
    const pulled = await pullChanges(db, remote, { organizationId: link.organization_id, beforeEach: renew, ...(this.options.pageSize ? { pageSize: this.options.pageSize } : {}) });
    if (!pulled.done) return this.finishFailed(status, pulled.failure, pushed.sent, pushed.failed, pulled.applied);

    const at = new Date(this.now()).toISOString();
    const rejectedNote = pulled.rejected.length > 0 ? `${pulled.rejected.length} pulled records did not fit: ${pulled.rejected[0]}` : null;
    await writeStatus(db, { last_sync_at: at, last_error: rejectedNote, last_error_at: rejectedNote ? at : null, consecutive_failures: 0, next_attempt_at: null });
    await releaseLease(db, this.owner);
    return { ran: true, ok: true, sent: pushed.sent, failed: pushed.failed, pulled: pulled.applied, rejected: pulled.rejected };
  }

  private async finishFailed(status: SyncStatus, failure: RemoteFailure, sent: number, failed: number, pulled: number): Promise<RunReport> {
    const failures = status.consecutive_failures + 1;
    const now = this.now();
    const next = new Date(now + backoffDelay(failures, this.backoff, this.random)).toISOString();
    const error = describeFailure(failure);
    await writeStatus(this.options.db, {
      ...status,
      last_error: error,
      last_error_at: new Date(now).toISOString(),
      consecutive_failures: failures,
      next_attempt_at: next,
    });
    await releaseLease(this.options.db, this.owner);
    return { ran: true, ok: false, sent, failed, pulled, error, next_attempt_at: next };
  }
}
