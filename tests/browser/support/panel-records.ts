import type { Frame } from '@playwright/test';
import { askFromPanel, storeContents } from './panel-store';

/** Writes one record through the protocol from the panel frame, as the panel's forms do; throws on a refusal. */
export async function put(panel: Frame, kind: string, record: Record<string, unknown>): Promise<string> {
  const id = (record.id as string | undefined) ?? crypto.randomUUID();
  const answer = (await askFromPanel(panel, { type: 'store.put', kind, record: { ...record, id } })) as { ok: boolean; error?: unknown };
  if (!answer?.ok) throw new Error(`store.put ${kind} failed: ${JSON.stringify(answer)}`);
  return id;
}

const today = () => new Date().toISOString().slice(0, 10);

/**
 * An account whose open opportunity has every Align criterion met and two
 * engaged stakeholders of three mapped, but no sponsor yet and no insight:
 * its evidence stage is Advocate, and it is declared at Intent (ahead).
 */
export async function seedAdvocateAccount(panel: Frame, name: string, domain: string, people: { email: string; name: string; position: string }[]) {
  const accountId = await put(panel, 'accounts', { name, arr: 240000, renewal_on: '2027-03-31' });
  await put(panel, 'account_domains', { account_id: accountId, domain });
  const opportunityId = await put(panel, 'opportunities', { account_id: accountId, title: `${name} renewal`, type: 'renewal', source: 'reason_for_purchase', declared_stage: 'intent' });
  const goalId = await put(panel, 'goals', { account_id: accountId, statement: 'Ship faster', confirmed_current_on: today() });
  await put(panel, 'outcomes', { account_id: accountId, goal_id: goalId, summary: 'Half the lead time' });
  await put(panel, 'use_cases', { account_id: accountId, name: 'Routing', status: 'active' });
  await put(panel, 'business_cases', { account_id: accountId, opportunity_id: opportunityId, goal_answer: 'a', progress_answer: 'b', path_answer: 'c', success_answer: 'd', portable: true });
  for (const person of people) await put(panel, 'stakeholders', { account_id: accountId, roles: ['influencer'], ...person });
  await put(panel, 'account_milestones', { account_id: accountId, kind: 'first_value', reached_on: '2026-06-01' });
  return { accountId, opportunityId };
}

export { today };

/**
 * Empties the store of accounts (deleting one cascades to everything that
 * names it) and own domains: tests in one worker share a browser profile,
 * and so its store.
 */
export async function clearAccounts(panel: Frame): Promise<void> {
  const contents = await storeContents(panel);
  for (const kind of ['accounts', 'organization_domains'] as const) {
    for (const record of contents.records[kind] ?? []) {
      const answer = (await askFromPanel(panel, { type: 'store.delete', kind, id: record.id })) as { ok: boolean };
      if (!answer?.ok) throw new Error(`store.delete ${kind} failed: ${JSON.stringify(answer)}`);
    }
  }
}
