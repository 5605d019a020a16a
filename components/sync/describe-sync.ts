import type { SyncStateView } from '@/lib/sync/sync-view';

/** "just now", "2 min ago", "3 h ago", "5 days ago": how long since `iso`. */
export function timeAgo(iso: string, now: number = Date.now()): string {
  const seconds = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  if (seconds < 45) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.round(hours / 24);
  return `${days} day${days === 1 ? '' : 's'} ago`;
}

export type SyncTone = 'solo' | 'ok' | 'waiting' | 'problem';

/**
 * The one-line status the panel header and the popup show, and its tone:
 * "Synced 2 min ago · 3 waiting", "Offline · 5 waiting", "Solo mode",
 * or the problem to look at.
 */
export function describeSync(state: SyncStateView, now: number = Date.now()): { text: string; tone: SyncTone } {
  const waiting = state.waiting > 0 ? ` · ${state.waiting} waiting` : '';
  if (!state.workspace_url) return { text: 'Solo mode', tone: 'solo' };
  if (!state.user) return { text: `Signed out${waiting}`, tone: 'solo' };
  if (!state.organization) return { text: 'No organization yet', tone: 'problem' };
  if (state.failed.length > 0) {
    const n = state.failed.length;
    return { text: `${n} write${n === 1 ? '' : 's'} refused${waiting}`, tone: 'problem' };
  }
  if (!state.online) return { text: `Offline${waiting}`, tone: 'waiting' };
  if (state.last_error) return { text: `Sync failed: ${state.last_error}${waiting}`, tone: 'problem' };
  if (!state.last_sync_at) return { text: `Not synced yet${waiting}`, tone: 'waiting' };
  return { text: `Synced ${timeAgo(state.last_sync_at, now)}${waiting}`, tone: state.waiting > 0 ? 'waiting' : 'ok' };
}
