import { describe, expect, it } from 'vitest';
import { indexRows, participant, storeRows, thread } from '@/tests/support/recognition-fixtures';
import { applyManualChoice, findManualChoice, ManualChoice, manualChoiceKey } from './manual-choice';
import { recognise } from './recognise';

const index = indexRows(storeRows());
const context = thread([participant('a@initech.com', 'from'), participant('b@umbrella-health.org', 'to'), participant('c@acme.co.uk', 'cc')]);
const { candidates } = recognise(index, context);
const exists = { accountExists: (id: string) => index.accounts.has(id), accountName: (id: string) => index.accounts.get(id)?.name };

const choice = (account_id: string, item_id = 'thread-1', chosen_at = '2026-11-20T10:00:00Z'): ManualChoice => ({
  host: 'gmail',
  item_kind: 'thread',
  item_id,
  account_id,
  chosen_at,
});

describe('a remembered manual choice', () => {
  it('puts the chosen candidate first, marked chosen, and keeps the others in their order', () => {
    expect(candidates.map((c) => c.account_id)).toEqual(['acc-initech', 'acc-umbrella', 'acc-acme']);
    const ranked = applyManualChoice(candidates, choice('acc-acme'), exists);
    expect(ranked.map((c) => [c.account_id, c.chosen])).toEqual([
      ['acc-acme', true],
      ['acc-initech', false],
      ['acc-umbrella', false],
    ]);
    expect(ranked[0]?.reasons).toEqual(candidates[2]?.reasons);
  });

  it('puts the chosen account first even when recognition did not suggest it', () => {
    const ranked = applyManualChoice(candidates, choice('acc-globex'), exists);
    expect(ranked[0]).toEqual({ account_id: 'acc-globex', accountName: 'Globex Corporation', score: 0, reasons: [], chosen: true });
    expect(ranked.slice(1).map((c) => c.account_id)).toEqual(['acc-initech', 'acc-umbrella', 'acc-acme']);
  });

  it('ignores a choice of an account that no longer exists', () => {
    const ranked = applyManualChoice(candidates, choice('acc-deleted'), exists);
    expect(ranked.map((c) => [c.account_id, c.chosen])).toEqual([
      ['acc-initech', false],
      ['acc-umbrella', false],
      ['acc-acme', false],
    ]);
  });

  it('leaves the ranking alone when nothing was chosen', () => {
    expect(applyManualChoice(candidates, undefined).map((c) => c.account_id)).toEqual(['acc-initech', 'acc-umbrella', 'acc-acme']);
  });

  it('is remembered per host and thread, the newest choice winning', () => {
    const kept = [
      choice('acc-acme', 'thread-1', '2026-11-20T10:00:00Z'),
      choice('acc-globex', 'thread-1', '2026-11-21T09:00:00+01:00'),
      choice('acc-umbrella', 'thread-2'),
      { ...choice('acc-initech', 'thread-1'), host: 'outlook' as const },
    ];
    expect(findManualChoice(kept, 'gmail', 'thread-1')?.account_id).toBe('acc-globex');
    expect(findManualChoice(kept, 'outlook', 'thread-1')?.account_id).toBe('acc-initech');
    expect(findManualChoice(kept, 'google-calendar', 'thread-1')).toBeUndefined();
    expect(manualChoiceKey('gmail', 'thread-1')).not.toBe(manualChoiceKey('outlook', 'thread-1'));
  });

  it('validates the stored record, so a corrupt one is rejected with a reason', () => {
    expect(ManualChoice.safeParse(choice('acc-acme')).success).toBe(true);
    const bad = ManualChoice.safeParse({ ...choice('acc-acme'), host: 'yahoo-mail', chosen_at: 'yesterday' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((issue) => issue.path.join('.')).sort()).toEqual(['chosen_at', 'host']);
  });
});
