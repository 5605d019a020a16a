import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryValue, prototypePollution } from '../messaging/testing/message-arbitraries';
import { StreamMessage, StreamRequest } from './stream-messages';

/** Values that look like the stream's messages but break one rule each. */
const nearMisses = fc.oneof(
  fc.record({ type: fc.constant('text'), table: fc.string(), page: fc.integer(), offset: fc.integer(), text: fc.string(), end: fc.boolean() }),
  fc.record({ type: fc.constant('text'), table: fc.constant('accounts'), page: fc.double(), offset: fc.nat(), text: fc.string(), end: fc.boolean() }),
  fc.record({ type: fc.constant('text'), table: fc.constant('accounts'), page: fc.nat(), offset: fc.nat(), text: fc.string(), end: fc.boolean(), extra: fc.anything() }),
  fc.record({ type: fc.constant('done'), answer: fc.anything() }),
  fc.record({ type: fc.constant('begin'), now: fc.oneof(fc.string(), fc.constant('2026-11-22'), fc.integer()) }),
  fc.record({ type: fc.constant('error'), message: fc.constant('') }),
  fc.record({ type: fc.constantFrom('start', 'painted'), table: fc.string() }),
  fc.record({ type: fc.constant('start'), direct: fc.oneof(fc.string(), fc.integer()) }),
  fc.record({
    type: fc.constant('direct'),
    read: fc.record({ path: fc.oneof(fc.string(), fc.constant('https://project.example/rest/v1/')), organization_id: fc.uuid(), from_week: fc.constant('2026-01-01'), user: fc.record({ id: fc.uuid(), email: fc.constant(null) }), handoff_id: fc.constant('h') }),
  }),
);

describe('the stream’s messages are checked at each end', () => {
  it('refuses what is not one of them, whatever it is', () => {
    fc.assert(
      fc.property(fc.oneof(arbitraryValue, prototypePollution, nearMisses), (value) => {
        const message = StreamMessage.safeParse(value);
        const request = StreamRequest.safeParse(value);
        // Whatever passes is exactly a known shape, nothing more.
        if (message.success) expect(JSON.parse(JSON.stringify(message.data))).toEqual(JSON.parse(JSON.stringify(value)));
        if (request.success) expect(['start', 'painted']).toContain(request.data.type);
        if (typeof value === 'object' && value !== null && 'extra' in value) expect(message.success).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('accepts a page of any known table, and refuses an unknown one', () => {
    expect(StreamMessage.safeParse({ type: 'text', table: 'account_facts', page: 3, offset: 7500, text: '[]', end: true }).success).toBe(true);
    expect(StreamMessage.safeParse({ type: 'text', table: 'auth_sessions', page: 0, offset: 0, text: '[]', end: true }).success).toBe(false);
    expect(StreamMessage.safeParse({ type: 'text', table: 'accounts', page: -1, offset: 0, text: '[]', end: true }).success).toBe(false);
    expect(StreamMessage.safeParse({ type: 'begin', now: '2026-11-22T12:00:00.000Z' }).success).toBe(true);
    expect(StreamMessage.safeParse({ type: 'begin', now: 'yesterday' }).success).toBe(false);
    const read = { path: '/workspace-read/33333333-3333-4333-8333-333333333333/', organization_id: '11111111-1111-4111-8111-111111111111', from_week: '2026-01-01', user: { id: '22222222-2222-4222-8222-222222222222', email: null }, handoff_id: 'h1' };
    expect(StreamMessage.safeParse({ type: 'direct', read }).success).toBe(true);
    // The page reads only under Sidecar's own origin's grant path, never an address the message names.
    expect(StreamMessage.safeParse({ type: 'direct', read: { ...read, path: 'https://elsewhere.example/workspace-read/33333333-3333-4333-8333-333333333333/' } }).success).toBe(false);
    expect(StreamMessage.safeParse({ type: 'direct', read: { ...read, token: 'x' } }).success).toBe(false);
    expect(StreamRequest.safeParse({ type: 'start', direct: true }).success).toBe(true);
  });
});
