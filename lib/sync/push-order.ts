import { specOf } from '../schemas/record-kinds';
import type { OutboxEntry } from '../schemas/outbox';

/**
 * What an outbox entry must wait for before it is sent, when the push keeps
 * several requests in flight.
 *
 * Entries are sent in `seq` order, but one need not wait for the answer of
 * an unrelated earlier one: a stakeholder of account A and a goal of account
 * B may travel together. Two entries are related when they share a record
 * id: their own, or one their payload references (its account, opportunity,
 * goal, stakeholders). An entry waits for every earlier related entry, so a
 * record's writes keep their order, a child never overtakes the creation of
 * its parent, and a parent's deletion never overtakes a write of its child:
 * each request sees the server exactly as the sequential push would have.
 *
 * Writes whose scope the payload does not show are `barrier`s: they wait for
 * everything before them and everything after waits for them: organization
 * settings and domains, and every deletion (its entry carries no payload, so
 * no account; the server's cascade and its per-account facts refresh must not
 * meet another write of the same account: `refresh_opportunity_facts`
 * deletes and re-inserts an account's rows, and two transactions doing so at
 * once collide on `opportunity_facts_cache_pkey`).
 */
export type SendOrder = { barrier: true } | { barrier: false; keys: string[] };

export function sendOrderOf(entry: OutboxEntry): SendOrder {
  const kind = entry.record_kind;
  if (kind === 'organizations' || kind === 'organization_domains') return { barrier: true };
  if (entry.op === 'delete') return { barrier: true };
  const keys = new Set([entry.record_id]);
  const payload = entry.payload ?? {};
  const referenceFields = [...Object.keys(specOf(kind).references), 'account_id', 'stakeholder_ids'];
  for (const field of referenceFields) {
    const value = payload[field];
    if (typeof value === 'string') keys.add(value);
    if (Array.isArray(value)) for (const item of value) if (typeof item === 'string') keys.add(item);
  }
  return { barrier: false, keys: [...keys] };
}
