import { decodeCalendarEventId } from './calendar-event-id';
import type { HostAdapter } from './host-adapter';
import { checked, failure, type HostContext, type ReadResult, type Response } from './host-context';
import { emailIn, googleAccountAddress, participantList, textOf, toUrl } from './read-helpers';
import { hostIdForUrl } from './supported-hosts';

/**
 * Google Calendar: the event details dialog over any grid, the event edit
 * page (`/r/eventedit/<eid>`), and the grid itself as `none`.
 *
 * Anchors: the dialog `#xDetDlg` with its `data-eventid`, title
 * `[role=heading]`, guests `[data-email]` (else `[data-hovercard-id]`); the
 * edit page's title input `#xTiIn`. The guest's role and answer exist only as
 * the label Calendar reads out ("Ada, Accepted, Organizer"): "organi…" covers
 * the major Latin-script languages, and the answers are matched in English,
 * German, French and Spanish; in other languages the answer is left out
 * rather than guessed. Descriptions (`#xDetDlgDesc`, `#xDescIn`) are never read.
 */

const DIALOG = '#xDetDlg';
const BODY = '#xDetDlgDesc,#xDescIn';
const ANSWERS: [Response, RegExp][] = [
  ['accepted', /accept|zugesagt|acept/i],
  ['declined', /declin|abgesagt|refus|rechaz/i],
  ['tentative', /maybe|tentativ|vielleicht|peut-être|quizá/i],
  ['awaiting', /await|ausstehend|attente|pendiente/i],
];

export const googleCalendar: HostAdapter = {
  id: 'google-calendar',
  watchSelector: `${DIALOG},[data-email],[data-hovercard-id],#xTiIn`,
  watchAttributes: ['data-eventid', 'data-email', 'aria-label'],
  read,
};

function read(root: ParentNode, url: URL | string): ReadResult {
  const u = toUrl(url);
  if (!u || hostIdForUrl(u.href) !== 'google-calendar') return failure('google-calendar', 'wrong-host');
  const base: HostContext = { host: 'google-calendar', view: 'none', participants: [] };
  const self = googleAccountAddress(root);
  if (self) base.self = self;

  const editing = u.pathname.match(/\/r\/eventedit\/([\w-]+)/)?.[1];
  const dialog = root.querySelector(DIALOG);
  if (!dialog && !editing) return checked(base);
  const scope = dialog ?? root;
  const eid = editing ?? dialog?.getAttribute('data-eventid') ?? dialog?.querySelector('[data-eventid]')?.getAttribute('data-eventid');
  if (!eid) return failure('google-calendar', 'missing-element', 'event-id');
  const decoded = decodeCalendarEventId(eid);
  if (!decoded) return failure('google-calendar', 'missing-element', 'event-id', 'not a Calendar event id');
  const title = dialog ? textOf(dialog.querySelector('[role=heading]')) : root.querySelector<HTMLInputElement>('#xTiIn')?.value.trim();
  if (!title) return failure('google-calendar', 'missing-element', 'title');

  const people = participantList();
  const guests = scope.querySelectorAll('[data-email]');
  for (const guest of guests.length ? guests : scope.querySelectorAll('[data-hovercard-id]')) {
    if (guest.closest(BODY)) continue;
    const label = guest.getAttribute('aria-label') ?? '';
    const answer = ANSWERS.find(([, words]) => words.test(label))?.[0];
    const email = emailIn(guest.getAttribute('data-email') ?? guest.getAttribute('data-hovercard-id'));
    people.add(email, /organi[sz]/i.test(label) ? 'organizer' : 'attendee', textOf(guest.querySelector('span')), answer);
  }
  return checked({
    ...base,
    view: 'event',
    title,
    id: decoded.eventId,
    link: 'https://calendar.google.com/calendar/event?eid=' + eid,
    ...(decoded.instanceStart ? { start: decoded.instanceStart } : {}),
    participants: people.all,
  });
}
