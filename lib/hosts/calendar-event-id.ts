/**
 * Google Calendar's event ids as they appear in its page: `data-eventid` on
 * event chips and dialogs, and the `/r/eventedit/<eid>` address, are the same
 * "eid": unpadded base64url of "<eventId> <calendar address>". A recurring
 * event's instance carries its start in the event id:
 * `<seriesId>_20261124T150000Z`, or `<seriesId>_20261124` for all-day ones.
 */
export interface CalendarEventId {
  /** The event id, identical on every guest's calendar; with the instance suffix for a recurring event. */
  eventId: string;
  /** The calendar the page shows the event on (Google shortens some domains, e.g. `@m` for gmail.com). */
  calendar: string;
  /** The instance start from a recurring event's suffix, ISO 8601 (UTC time, or a date for all-day events). */
  instanceStart?: string;
}

export function decodeCalendarEventId(eid: string): CalendarEventId | undefined {
  let decoded: string;
  try {
    const base64 = eid.replace(/-/g, '+').replace(/_/g, '/');
    decoded = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  } catch {
    return undefined;
  }
  const match = decoded.match(/^([A-Za-z0-9_]+) (\S+)$/);
  if (!match) return undefined;
  const [, eventId = '', calendar = ''] = match;
  const result: CalendarEventId = { eventId, calendar };
  const suffix = eventId.match(/_(\d{4})(\d\d)(\d\d)(?:T(\d\d)(\d\d)(\d\d)Z)?$/);
  if (suffix) {
    const [, y, mo, d, h, mi, s] = suffix;
    result.instanceStart = `${y}-${mo}-${d}` + (h ? `T${h}:${mi}:${s}Z` : '');
  }
  return result;
}
