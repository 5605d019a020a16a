import './testing/setup';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { z } from 'zod';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { QuickLogKind } from '@/lib/forms/quick-log-kinds';
import { recordKinds, type RecordKind } from '@/lib/schemas/record-kinds';
import { QuickLogForm } from './QuickLogForm';
import { ACCOUNT_ID, GMAIL_SOURCE, GOAL_ID, OPPORTUNITY_ID, STAKEHOLDERS } from './testing/form-fixtures';
import { lastPut, mockedAskStore, storeAccepts, storeRefuses } from './testing/store-mock';

vi.mock('@/lib/messaging/ask-store', () => ({ askStore: vi.fn() }));

interface Case {
  kind: QuickLogKind;
  stored: RecordKind;
  heading: RegExp;
  /** Values that make a valid record. */
  valid: Record<string, unknown>;
  /** A field shown with that prefill, and its value. */
  shows: [label: RegExp, value: string];
  /** Values that make the form refuse, and the field that must say why. */
  invalid: Record<string, unknown>;
  invalidField: RegExp;
  withoutOpportunity?: boolean;
}

const CASES: Case[] = [
  { kind: 'stakeholder', stored: 'stakeholders', heading: /Add a stakeholder/, valid: { name: 'Ana Ruiz', email: 'Ana@Acme.com', roles: ['budget_owner'] }, shows: [/^Name/, 'Ana Ruiz'], invalid: { email: 'x' }, invalidField: /^Name/ },
  { kind: 'intent_signal', stored: 'intent_signals', heading: /intent signal/, valid: { kind: 'budget_owner_identified', occurred_on: '2026-11-20' }, shows: [/^Date/, '2026-11-20'], invalid: { occurred_on: '' }, invalidField: /^Date/ },
  { kind: 'insight', stored: 'insights', heading: /Log an insight/, valid: { summary: 'Tickets down 30% since March', shared_on: '2026-11-19' }, shows: [/^Summary/, 'Tickets down 30% since March'], invalid: { summary: '   ' }, invalidField: /^Summary/ },
  { kind: 'goal', stored: 'goals', heading: /Log a goal/, valid: { statement: 'Halve onboarding time' }, shows: [/customer's goal/, 'Halve onboarding time'], invalid: { statement: '' }, invalidField: /customer's goal/ },
  { kind: 'outcome', stored: 'outcomes', heading: /progress toward/, valid: { goal_id: GOAL_ID, summary: 'Onboarding now takes 9 days' }, shows: [/Progress made/, 'Onboarding now takes 9 days'], invalid: { summary: 'x' }, invalidField: /^Goal/ },
  { kind: 'use_case', stored: 'use_cases', heading: /Log a use case/, valid: { name: 'Invoice approvals', status: 'discussed_not_active' }, shows: [/^Use case/, 'Invoice approvals'], invalid: { name: '' }, invalidField: /^Use case/ },
  { kind: 'business_case', stored: 'business_cases', heading: /Business case/, valid: { opportunity_id: OPPORTUNITY_ID, goal_answer: 'Faster onboarding', goal_still_current: 'yes', portable: true }, shows: [/Which goal/, 'Faster onboarding'], invalid: { opportunity_id: '' }, invalidField: /^Opportunity/, withoutOpportunity: true },
  { kind: 'meeting', stored: 'meetings', heading: /Log a meeting/, valid: { held_on: '2026-11-20', kind: 'executive_conversation' }, shows: [/^Date/, '2026-11-20'], invalid: { held_on: '' }, invalidField: /^Date/ },
  { kind: 'communication_step', stored: 'communication_steps', heading: /Plan a conversation/, valid: { stakeholder_id: STAKEHOLDERS[0]!.id, purpose: 'Walk through the Q3 numbers' }, shows: [/^Purpose/, 'Walk through the Q3 numbers'], invalid: { purpose: 'Why' }, invalidField: /^With/ },
  { kind: 'close_record', stored: 'close_records', heading: /Record the close/, valid: { outcome: 'won', amount: '12,500', close_reasons: 'Saved time\nTeam loves it' }, shows: [/^Amount/, '12,500'], invalid: { amount: 'a lot' }, invalidField: /^Amount/ },
  { kind: 'milestone', stored: 'account_milestones', heading: /Log a milestone/, valid: { kind: 'first_value', reached_on: '2026-10-01' }, shows: [/Reached on/, '2026-10-01'], invalid: { reached_on: '' }, invalidField: /Reached on/ },
  { kind: 'opportunity', stored: 'opportunities', heading: /New opportunity/, valid: { title: '2027 renewal', type: 'renewal', source: 'reason_for_purchase', amount: '48000' }, shows: [/^Title/, '2027 renewal'], invalid: { title: '' }, invalidField: /^Title/ },
  { kind: 'account', stored: 'accounts', heading: /Create an account/, valid: { name: 'Acme Robotics', domains: 'acme.com' }, shows: [/Company name/, 'Acme Robotics'], invalid: { name: '' }, invalidField: /Company name/ },
];

function open(c: Case, prefill: Record<string, unknown>) {
  const onSaved = vi.fn();
  const onCancel = vi.fn();
  render(
    <QuickLogForm
      kind={c.kind}
      accountId={ACCOUNT_ID}
      {...(c.withoutOpportunity ? { opportunities: [{ id: OPPORTUNITY_ID, title: '2027 renewal' }] } : { opportunityId: OPPORTUNITY_ID })}
      source={GMAIL_SOURCE}
      stakeholders={STAKEHOLDERS}
      goals={[{ id: GOAL_ID, statement: 'Halve onboarding time' }]}
      prefill={prefill}
      onSaved={onSaved}
      onCancel={onCancel}
    />,
  );
  return { onSaved, onCancel, user: userEvent.setup() };
}

/** What the store would keep: the draft with its stamps, checked with the kind's full schema. */
function parsesAsStored(kind: RecordKind, record: unknown) {
  return (recordKinds[kind].schema as z.ZodObject).safeParse(record);
}

describe.each(CASES)('the $kind form', (c) => {
  beforeEach(() => {
    mockedAskStore.mockReset();
  });

  it('opens prefilled, with the focus on its heading', () => {
    open(c, c.valid);
    expect(screen.getByRole('heading', { name: c.heading })).toHaveFocus();
    expect(screen.getByLabelText(c.shows[0])).toHaveValue(c.shows[1]);
  });

  it('refuses invalid input beside the field, focuses it, and sends nothing', async () => {
    const { user } = open(c, c.invalid);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const field = screen.getByLabelText(c.invalidField);
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveAccessibleDescription(/^(This is required\.|Enter a date\.|Choose one\.|Enter a number, such as 12500\.)( |$)/);
    expect(field).toHaveFocus();
    expect(mockedAskStore).not.toHaveBeenCalled();
  });

  it('keeps every typed value when the store refuses', async () => {
    storeRefuses({ code: 'conflict', message: 'Another record already holds this.', issues: [] });
    const { user, onSaved } = open(c, c.valid);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Another record already holds this.');
    expect(alert).toHaveFocus();
    expect(screen.getByLabelText(c.shows[0])).toHaveValue(c.shows[1]);
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('saves by keyboard alone a record the store schema accepts', async () => {
    storeAccepts();
    const { user, onSaved } = open(c, c.valid);
    await user.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() => expect(onSaved).toHaveBeenCalledOnce());
    const saved = onSaved.mock.calls[0]![0] as Record<string, unknown>;
    const parsed = parsesAsStored(c.stored, c.stored === 'opportunities' ? { ...saved, stage_entered_at: saved.created_at } : saved);
    expect(parsed.error).toBeUndefined();
    expect(saved.account_id ?? saved.id).toBe(c.stored === 'accounts' ? saved.id : ACCOUNT_ID);
  });

  it('reaches every control with Tab', async () => {
    const { user } = open(c, c.valid);
    const form = screen.getByRole('form');
    const controls = [...form.querySelectorAll<HTMLElement>('input, select, textarea, button, a[href]')];
    expect(controls.length).toBeGreaterThan(2);
    const reached = new Set<Element>();
    for (let i = 0; i < controls.length; i++) {
      await user.tab();
      if (document.activeElement) reached.add(document.activeElement);
    }
    expect(controls.every((el) => reached.has(el))).toBe(true);
  });
});

describe('source link', () => {
  it('stores the thread it was logged from on evidence records', async () => {
    storeAccepts();
    const { onSaved } = open(CASES[2]!, CASES[2]!.valid);
    await userEvent.setup().keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(lastPut().record).toMatchObject({ source_host: 'gmail', source_ref: GMAIL_SOURCE.ref, source_url: GMAIL_SOURCE.url });
  });
});
