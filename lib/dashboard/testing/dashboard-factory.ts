/** Small builders for dashboard inputs in tests: readable ids, one `now`. */
import { bareFacts, uuidFor } from '../../pipeline/testing/facts-factory';
import type { OpportunityFacts, OpportunityRecord } from '../../pipeline/facts';
import { DashboardInput, type DashboardAccount, type DashboardInputJson } from '../input';

export const NOW = '2026-11-22';
export const CSM_A = uuidFor(0xa0a);
export const CSM_B = uuidFor(0xb0b);

export function account(n: number, patch: Partial<DashboardAccount> = {}): DashboardAccount {
  return { id: uuidFor(0x100000 + n), name: `Account ${n}`, owner_id: CSM_A, arr: 100_000, renewal_on: '2027-03-01', ...patch };
}

type OppPatch = Partial<Omit<OpportunityFacts, 'opportunity'>> & { opportunity?: Partial<OpportunityRecord> };

/** An open opportunity of `acc` (no evidence unless patched), in its stage since `enteredOn`. */
export function opportunity(acc: DashboardAccount, patch: OppPatch = {}, enteredOn = '2026-11-01') {
  const facts = bareFacts({ ...patch, opportunity: { account_id: acc.id, ...patch.opportunity } });
  return { facts, stage_entered_at: `${enteredOn}T09:00:00Z`, title: `Deal of ${acc.name}` };
}

export function dashboardInput(patch: Partial<DashboardInputJson>): DashboardInput {
  return DashboardInput.parse({ now: NOW, accounts: [], opportunities: [], ...patch });
}
