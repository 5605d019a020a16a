import { describe, expect, it } from 'vitest';
import { decodeCalendarEventId } from './calendar-event-id';

const eid = (text: string) => btoa(text).replace(/=+$/, '');

describe('decodeCalendarEventId', () => {
  it('splits an event id from the calendar it is shown on', () => {
    expect(decodeCalendarEventId(eid('5q8v1k2m3n4o5p6r7s8t9u0vab dana@csm.example'))).toEqual({ eventId: '5q8v1k2m3n4o5p6r7s8t9u0vab', calendar: 'dana@csm.example' });
  });

  it('reads the instance start of a recurring event, timed or all-day', () => {
    expect(decodeCalendarEventId(eid('7hq2c4d6_20261125T140000Z dana@m'))?.instanceStart).toBe('2026-11-25T14:00:00Z');
    expect(decodeCalendarEventId(eid('7hq2c4d6_20261125 dana@m'))?.instanceStart).toBe('2026-11-25');
  });

  it('reads the URL-safe alphabet and missing padding Calendar uses', () => {
    // Standard base64 of this pair is "YWJjIGF+YkBjLmV4YW1wbGU=": a '+' and padding.
    expect(decodeCalendarEventId('YWJjIGF-YkBjLmV4YW1wbGU')).toEqual({ eventId: 'abc', calendar: 'a~b@c.example' });
  });

  it.each(['', '!!!', eid('no-space-here'), eid('two spaces here')])('refuses %j', (value) => {
    expect(decodeCalendarEventId(value)).toBeUndefined();
  });
});
