import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RECORD_KINDS, type RecordKind } from '../messaging/record-kinds';
import { specOf, type AnyRecord } from '../schemas/record-kinds';
import { positionalOf } from '../zod-positional';
import { decodeSnapshotPart } from './snapshot-wire';
import { recordArbitrary } from './snapshot-wire-arbitrary';

const ORGANIZATION = '7d1f8a52-0c3e-4b7a-9e21-5f4c3b2a1d00';
const CURSOR = '812:9223372036854775807';

/** A row as the server writes it: the kind's positional form, without organization_id. */
function wireRow(kind: RecordKind, record: AnyRecord): unknown {
  return positionalOf(specOf(kind).schema.omit({ organization_id: true })).encode(record);
}

/** A part as it crosses the network: JSON text, parsed. */
function part(records: Partial<Record<RecordKind, AnyRecord[]>>): unknown {
  const rows = Object.fromEntries(Object.entries(records).map(([kind, list]) => [kind, list.map((record) => wireRow(kind as RecordKind, record))]));
  return JSON.parse(JSON.stringify({ cursor: CURSOR, records: rows }));
}

const inOrganization = (record: AnyRecord): AnyRecord => ({ ...record, organization_id: ORGANIZATION });

describe('decodeSnapshotPart', () => {
  for (const kind of RECORD_KINDS) {
    it(`gives back every ${kind} record exactly as its schema parses the named row`, () => {
      fc.assert(
        fc.property(fc.array(recordArbitrary(kind).map(inOrganization), { maxLength: 4 }), (records) => {
          const decoded = decodeSnapshotPart(part({ [kind]: records }), ORGANIZATION);
          expect(decoded).toEqual({ ok: true, cursor: CURSOR, records: { [kind]: records.map((r) => specOf(kind).schema.parse(r)) }, rejected: [] });
        }),
        { numRuns: 40 },
      );
    });
  }

  it('reads the layout the database writes: key order without organization_id, enums as indexes, days as day numbers', () => {
    const row = [
      '0a000000-0000-4000-8000-000000000001', 'b0000000-0000-4000-8000-000000000002', '2026-11-20T09:30:00.123456+00:00', '2026-11-21T10:00:00+00:00',
      '0a000000-0000-4000-8000-0000000000aa', 'Dana "DJ" Ortiz', 'dana@customer.example', null, [0, 5], 1, null, 'Sees the renewal as a cost', null,
    ];
    const decoded = decodeSnapshotPart({ cursor: CURSOR, records: { stakeholders: [row], account_milestones: [['0a000000-0000-4000-8000-000000000003', 'b0000000-0000-4000-8000-000000000002', '2026-11-20T09:30:00+00:00', '2026-11-20T09:30:00+00:00', '0a000000-0000-4000-8000-0000000000aa', 3, 20779]] } }, ORGANIZATION);
    expect(decoded).toEqual({
      ok: true,
      cursor: CURSOR,
      rejected: [],
      records: {
        stakeholders: [{
          id: '0a000000-0000-4000-8000-000000000001', organization_id: ORGANIZATION, created_by: 'b0000000-0000-4000-8000-000000000002',
          created_at: '2026-11-20T09:30:00.123456+00:00', updated_at: '2026-11-21T10:00:00+00:00', account_id: '0a000000-0000-4000-8000-0000000000aa',
          name: 'Dana "DJ" Ortiz', email: 'dana@customer.example', title: null, roles: ['executive_sponsor', 'champion_user'], position: 'supporter',
          influence: null, belief_needed: 'Sees the renewal as a cost', notes: null,
        }],
        account_milestones: [{
          id: '0a000000-0000-4000-8000-000000000003', organization_id: ORGANIZATION, created_by: 'b0000000-0000-4000-8000-000000000002',
          created_at: '2026-11-20T09:30:00+00:00', updated_at: '2026-11-20T09:30:00+00:00', account_id: '0a000000-0000-4000-8000-0000000000aa',
          kind: 'first_value', reached_on: '2026-11-22',
        }],
      },
    });
  });

  it('leaves out a row that does not fit, names it with where and why, and keeps the others', () => {
    const kinds = fc.constantFrom(...RECORD_KINDS);
    const odd = fc.constantFrom<unknown>(null, 'not-a-uuid', -1, 99, 1.5, '2026-11-22', '', '   ', true, [], {}, 'x'.repeat(6000), 'UPPER@CASE.EXAMPLE');
    fc.assert(
      fc.property(
        kinds.chain((kind) => fc.tuple(fc.constant(kind), fc.array(recordArbitrary(kind).map(inOrganization), { minLength: 2, maxLength: 4 }), fc.nat(), odd)),
        ([kind, records, at, value]) => {
          const wire = part({ [kind]: records }) as { records: Record<string, unknown[][]> };
          const broken = wire.records[kind]![0]!;
          const field = at % broken.length;
          broken[field] = value;
          const decoded = decodeSnapshotPart(wire, ORGANIZATION);
          if (!decoded.ok) throw new Error(decoded.message);
          const kept = decoded.records[kind]!;
          // The others are all there, as their schema parses them.
          expect(kept.slice(-(records.length - 1))).toEqual(records.slice(1).map((r) => specOf(kind).schema.parse(r)));
          if (kept.length === records.length) {
            // The change still fits the schema (an odd value that is valid there): it is what zod makes of the named row.
            expect(specOf(kind).schema.parse(kept[0])).toEqual(kept[0]);
          } else {
            const id = field === 0 ? '(no readable id)' : records[0]!.id;
            expect(decoded.rejected).toEqual([expect.stringMatching(new RegExp(`^${kind} ${id.replace(/[()]/g, '\\$&')}: \\S.*`))]);
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it('names the field and the reason of a row that does not fit', () => {
    const record = fc.sample(recordArbitrary('opportunities').map(inOrganization), { numRuns: 1, seed: 7 })[0]!;
    const wire = part({ opportunities: [record] }) as { records: { opportunities: unknown[][] } };
    wire.records.opportunities[0]![6] = 9; // type: an index past the list
    wire.records.opportunities.push(['not-a-uuid']);
    const decoded = decodeSnapshotPart(wire, ORGANIZATION);
    expect(decoded).toEqual({
      ok: true,
      cursor: CURSOR,
      records: { opportunities: [] },
      rejected: [
        `opportunities ${record.id}: type: expected the index of one of renewal, expansion, upsell, cross_sell, new_team, new_use_case (0 to 5), got 9`,
        expect.stringMatching(/^opportunities \(no readable id\): expected the 15 fields id, created_by, .* got 1$/),
      ],
    });
  });

  it('ignores kinds this store does not keep, as the delta pull does', () => {
    expect(decodeSnapshotPart({ cursor: CURSOR, records: { invitations: [[1, 2, 3]], accounts: [] } }, ORGANIZATION)).toEqual({
      ok: true,
      cursor: CURSOR,
      records: { accounts: [] },
      rejected: [],
    });
  });

  it('refuses an envelope that does not fit, with a sentence, instead of throwing', () => {
    const refused = (wire: unknown, organization = ORGANIZATION) => {
      const decoded = decodeSnapshotPart(wire, organization);
      expect(decoded.ok).toBe(false);
      return decoded.ok ? '' : decoded.message;
    };
    expect(refused(null)).toMatch(/^The workspace's snapshot does not fit: .+\.$/);
    expect(refused('{"cursor":"1:2"}')).toMatch(/snapshot does not fit/);
    expect(refused({ records: {} })).toMatch(/at cursor/);
    expect(refused({ cursor: 'latest', records: {} })).toMatch(/at cursor: cursor must be a pull_changes cursor/);
    expect(refused({ cursor: CURSOR, records: [] })).toMatch(/at records/);
    expect(refused({ cursor: CURSOR, records: { accounts: {} } })).toMatch(/at records\.accounts: the rows of a kind must be a list/);
    expect(refused({ cursor: CURSOR, records: {} }, 'not-an-organization')).toMatch(/organization id that is not a uuid/);
  });
});
