import { describe, expect, it } from 'vitest';
import { dayNumber } from './days';
import { evaluateWithContext, ruleContext } from './evaluate';
import { plainEvaluation } from './explained';
import { createFactsPreparer, MEETING_KIND, NO_DAY, PERSON, personIndex, prepareFacts, STEP_STATUS, stepCode, type PreparedAccountLists } from './prepared-facts';
import { bareFacts, businessCase, goal, meeting, outcome, stakeholder, step, uuidFor } from './testing/facts-factory';
import { PROPERTY_NOW } from './testing/facts-arbitrary';
import { realisticFacts } from './testing/realistic-facts';
import { referenceEvaluate } from './testing/reference-evaluate';

/** The lists in the order they are laid out, each running from its start to the next one's. */
const LISTS = ['goals', 'outcomes', 'useCases', 'stakeholders', 'insights', 'meetings', 'steps', 'end'] as const;

/** One list's codes and ids, as the rules read them. */
function list(account: PreparedAccountLists, name: Exclude<(typeof LISTS)[number], 'end'>) {
  const from = account[name];
  const to = account[LISTS[LISTS.indexOf(name) + 1]!];
  return { codes: account.codes.slice(from, to), ids: account.ids.slice(from, to) };
}

describe('prepareFacts: the in-memory form the rules read', () => {
  it('turns days into day numbers, and a day not recorded into NO_DAY, later than any real day', () => {
    const confirmed = goal('2026-11-01');
    const never = goal(null);
    const prepared = prepareFacts(bareFacts({ goals: [confirmed, never], opportunity: { target_date: '2027-01-15' } }));
    expect(list(prepared.account, 'goals')).toEqual({ codes: [dayNumber('2026-11-01'), NO_DAY], ids: [confirmed.id, never.id] });
    expect(prepared.opportunity.targetDay).toBe(dayNumber('2027-01-15'));
    expect(prepared.opportunity.targetConfirmedDay).toBe(NO_DAY);
    expect(NO_DAY).toBeGreaterThan(dayNumber('9999-12-31'));
  });

  it('resolves links to indexes once: an outcome on no recorded goal, and a step of nobody listed, point at -1', () => {
    const [first, second] = [goal(null), goal(null)];
    const person = stakeholder('sponsor', ['budget_owner', 'legal']);
    const prepared = prepareFacts(
      bareFacts({
        goals: [first, second],
        outcomes: [outcome(second.id), outcome(uuidFor(0xdead))],
        stakeholders: [person],
        communication_steps: [step(person.id, 'done'), step(uuidFor(0xbeef))],
      }),
    );
    expect(list(prepared.account, 'outcomes').codes).toEqual([1, -1]);
    expect(list(prepared.account, 'steps').codes).toEqual([stepCode(0, STEP_STATUS.done), stepCode(-1, STEP_STATUS.planned)]);
    const [code] = list(prepared.account, 'stakeholders').codes;
    expect(code! & PERSON.ROLES).toBe(PERSON.role('budget_owner') | PERSON.role('legal'));
    expect(code! & PERSON.POSITION).toBe(PERSON.position('sponsor'));
    expect(code! & PERSON.INFLUENCE).toBe(PERSON.influence('medium'));
    expect(code! & PERSON.DUPLICATE).toBe(0);
  });

  it('lays the lists out one after another, each record once, and a meeting as its day and kind', () => {
    const held = meeting('executive_conversation', '1969-12-30');
    const prepared = prepareFacts(bareFacts({ goals: [goal(null)], meetings: [held], stakeholders: [stakeholder('unknown', [], null)] }));
    const { account } = prepared;
    expect(LISTS.map((name) => account[name])).toEqual([0, 1, 1, 1, 2, 2, 3, 3]);
    expect(account.ids).toHaveLength(account.end);
    const [code] = list(account, 'meetings').codes;
    expect([code! >> 1, code! & 1]).toEqual([dayNumber('1969-12-30'), MEETING_KIND.executive_conversation]);
    expect(list(account, 'stakeholders').codes).toEqual([PERSON.position('unknown') | PERSON.influence(null)]);
  });

  it('gives a person listed twice one identity, so a step counts for both copies as the plain rules count it', () => {
    const person = stakeholder('detractor');
    const facts = bareFacts({ stakeholders: [stakeholder('supporter'), person, { ...person }], communication_steps: [step(person.id)] });
    const prepared = prepareFacts(facts);
    const from = prepared.account.stakeholders;
    expect([0, 1, 2].map((i) => personIndex(prepared.account, from + i))).toEqual([0, 1, 1]);
    expect(list(prepared.account, 'steps').codes).toEqual([stepCode(1, STEP_STATUS.planned)]);
    const ctx = ruleContext(PROPERTY_NOW);
    expect(plainEvaluation(evaluateWithContext(prepared, ctx))).toEqual(referenceEvaluate(facts, ctx));
  });

  it('keeps a person listed twice as one identity without reading ids, however far down the list the first copy is', () => {
    // Past 2^15 people the first index no longer fits 32 bits above the fields (past 2^13, a 31-bit small integer): it must stay exact.
    const people = Array.from({ length: 33_000 }, (_, i) => ({ ...stakeholder('supporter', ['approver'], 'low'), id: uuidFor(0x10000 + i) }));
    const detractor = { ...stakeholder('detractor', ['legal'], 'high'), id: uuidFor(0x10000 + 32_999) };
    const facts = bareFacts({ stakeholders: [...people, detractor], communication_steps: [step(detractor.id)] });
    const prepared = prepareFacts(facts);
    const { ids: _ids, ...withoutIds } = prepared.account;
    expect(personIndex(withoutIds, prepared.account.stakeholders + 33_000)).toBe(32_999);
    const code = list(prepared.account, 'stakeholders').codes[33_000]!;
    expect(code & PERSON.POSITION).toBe(PERSON.position('detractor'));
    expect(code & PERSON.ROLES).toBe(PERSON.role('legal'));
    expect(code & PERSON.INFLUENCE).toBe(PERSON.influence('high'));
    const ctx = ruleContext(PROPERTY_NOW);
    expect(plainEvaluation(evaluateWithContext(prepared, ctx))).toEqual(referenceEvaluate(facts, ctx));
  });

  it('keeps which answers of the business case are missing as bits, none when complete', () => {
    expect(prepareFacts(bareFacts({ business_case: businessCase() })).businessCase?.unanswered).toBe(0);
    expect(prepareFacts(bareFacts({ business_case: businessCase({ progress_answered: false }) })).businessCase?.unanswered).not.toBe(0);
  });
});

describe('createFactsPreparer: a batch of opportunities sharing their account lists', () => {
  it('prepares the lists once per account and gives what prepareFacts gives each opportunity', () => {
    const [a, b, c] = realisticFacts(3, PROPERTY_NOW, 5);
    const shared = { ...a!, opportunity: { ...b!.opportunity }, intent_signals: b!.intent_signals };
    const batch = [a!, shared, c!];
    const prepare = createFactsPreparer();
    const prepared = batch.map(prepare);
    expect(prepared).toEqual(batch.map(prepareFacts));
    expect(prepared[1]!.account).toBe(prepared[0]!.account);
    expect(prepared[2]!.account).not.toBe(prepared[1]!.account);
  });

  it('prepares anew when only some of the lists are the same objects', () => {
    const [a] = realisticFacts(1, PROPERTY_NOW, 5);
    const changed = { ...a!, goals: [...a!.goals, goal('2026-11-20')] };
    const prepare = createFactsPreparer();
    prepare(a!);
    expect(prepare(changed)).toEqual(prepareFacts(changed));
  });
});
