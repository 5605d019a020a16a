import type { RecognitionContext, RecognitionParticipant, RecognitionRows } from '@/lib/recognition/input';
import { buildRecognitionIndex, type RecognitionIndex } from '@/lib/recognition/recognition-index';
import { withRecognitionKeys } from '@/lib/recognition/row-keys';

/**
 * Small factories for recognition tests: a store of a few accounts with
 * domains and stakeholders, and thread contexts, overridable per test.
 */

export const OWN_DOMAIN = 'sidecar-vendor.com';
export const SELF = `casey@${OWN_DOMAIN}`;

export function storeRows(overrides: Partial<RecognitionRows> = {}): RecognitionRows {
  return {
    accounts: [
      { id: 'acc-acme', name: 'Acme Ltd', aliases: ['Acme UK'] },
      { id: 'acc-globex', name: 'Globex Corporation', aliases: ['Globex'] },
      { id: 'acc-initech', name: 'Initech', aliases: [] },
      { id: 'acc-umbrella', name: 'Umbrella Health', aliases: ['Umbrella'] },
    ],
    accountDomains: [
      { account_id: 'acc-acme', domain: 'acme.co.uk' },
      { account_id: 'acc-globex', domain: 'globex.com.au' },
      { account_id: 'acc-initech', domain: 'initech.com' },
      { account_id: 'acc-umbrella', domain: 'umbrella-health.org' },
    ],
    stakeholders: [
      { id: 'st-ann', account_id: 'acc-initech', email: 'ann.personal@gmail.com', name: 'Ann' },
      { id: 'st-bo', account_id: 'acc-globex', email: 'bo@consulting-partner.com', name: 'Bo' },
      { id: 'st-cy', account_id: 'acc-acme', email: 'Cy@Acme.co.uk', name: 'Cy' },
    ],
    ownDomains: [OWN_DOMAIN],
    ...overrides,
  };
}

export function participant(email: string, role: RecognitionParticipant['role'] = 'to', name?: string): RecognitionParticipant {
  return name === undefined ? { email, role } : { email, role, name };
}

export function thread(participants: RecognitionParticipant[], title?: string): RecognitionContext {
  return { self: SELF, participants, ...(title === undefined ? {} : { title }) };
}

/** The index the background builds from these rows: keys derived as the store's cache derives them, then filed. */
export function indexRows(rows: RecognitionRows): RecognitionIndex {
  return buildRecognitionIndex(withRecognitionKeys(rows));
}
