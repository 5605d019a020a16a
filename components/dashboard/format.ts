import type { DashboardMember } from '@/lib/dashboard-data/loaded';

/** How the dashboard writes money, shares and days (en-US, whole units: a manager reads orders of size). */
export const money = (value: number | null) => (value === null ? '—' : `$${Math.round(value).toLocaleString('en-US')}`);
export const share = (value: number | null) => (value === null ? '—' : `${Math.round(value * 100)}%`);
export const days = (value: number | null) => (value === null ? '—' : `${value} d`);

/** Adds `owner` (the CSM's name) to rows that carry `owner_id`, so tables and CSV show a person, not an id. */
export function withOwner<Row extends { owner_id: string | null }>(rows: readonly Row[], members: readonly DashboardMember[]): (Row & { owner: string })[] {
  const names = new Map(members.map((m) => [m.user_id, m.label]));
  return rows.map((row) => ({ ...row, owner: row.owner_id === null ? 'Nobody' : (names.get(row.owner_id) ?? 'Someone outside the team') }));
}
