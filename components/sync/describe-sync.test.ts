import { describe, expect, it } from 'vitest';
import type { SyncStateView } from '@/lib/sync/sync-view';
import { describeSync, timeAgo } from './describe-sync';

const NOW = Date.parse('2026-11-22T12:00:00Z');
const signedIn: SyncStateView = {
  workspace_url: 'https://abcd.supabase.co',
  user: { id: 'u', email: 'dana@example.com' },
  organization: { id: 'o', name: 'Brightpath' },
  last_sync_at: '2026-11-22T11:58:00Z',
  last_error: null,
  next_attempt_at: null,
  waiting: 0,
  failed: [],
  online: true,
};
const failedWrite: SyncStateView['failed'][number] = { entry_id: 'e', record_kind: 'accounts', record_id: 'r', label: 'Acme', op: 'upsert', message: 'No', code: null, created_at: '2026-11-22T11:00:00Z' };

describe('the sync line', () => {
  it.each([
    ['synced, nothing waiting', signedIn, 'Synced 2 min ago', 'ok'],
    ['synced, writes waiting', { ...signedIn, waiting: 3 }, 'Synced 2 min ago · 3 waiting', 'waiting'],
    ['offline', { ...signedIn, online: false, waiting: 5 }, 'Offline · 5 waiting', 'waiting'],
    ['no workspace', { ...signedIn, workspace_url: null, user: null, organization: null }, 'Solo mode', 'solo'],
    ['signed in, no organization', { ...signedIn, organization: null }, 'No organization yet', 'problem'],
    ['last run failed', { ...signedIn, last_error: 'fetch failed', waiting: 1 }, 'Sync failed: fetch failed · 1 waiting', 'problem'],
    ['a write refused', { ...signedIn, waiting: 1, failed: [failedWrite] }, '1 write refused · 1 waiting', 'problem'],
  ] satisfies [string, SyncStateView, string, string][])('%s', (_name, state, text, tone) => {
    expect(describeSync(state, NOW)).toEqual({ text, tone });
  });

  it('says how long ago in words', () => {
    expect(timeAgo('2026-11-22T11:59:50Z', NOW)).toBe('just now');
    expect(timeAgo('2026-11-22T09:00:00Z', NOW)).toBe('3 h ago');
    expect(timeAgo('2026-11-21T12:00:00Z', NOW)).toBe('1 day ago');
  });
});
