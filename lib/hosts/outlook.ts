import type { HostAdapter } from './host-adapter';
import { checked, failure, type HostContext, type ParticipantRole, type ReadResult } from './host-context';
import { emailIn, type ParticipantList, participantList, textOf, toUrl } from './read-helpers';
import { hostIdForUrl } from './supported-hosts';

/**
 * Outlook on the web (work: outlook.office.com / office365.com; personal:
 * outlook.live.com): the reading pane, single message or conversation.
 *
 * Outlook's class names are hashed per build, and its labels ("From:",
 * "Von:", "מאת:") follow the UI language, so this reads neither. It relies on:
 * - the pane `#ReadingPaneContainerId` (or `[data-app-section=MailReadCompose]`)
 *   and its first `[role=heading]` for the subject;
 * - the selected list item `[role=option][data-convid][aria-selected=true]`
 *   for the conversation id, else the item id in the address (`…/id/<id>`);
 * - persona-card anchors `[data-lpc-hover-target-id]`, whose address is in
 *   `title`, `aria-label` or the text "Name <address>". Their row gives the
 *   role by position, as Outlook always orders header rows from, to, cc, bcc.
 * Message bodies (`[id^=UniqueMessageBody]`) are never read.
 */

const PANE = '#ReadingPaneContainerId,[data-app-section=MailReadCompose]';
const PERSONA = '[data-lpc-hover-target-id]';
const BODY = '[id^=UniqueMessageBody],.allowTextSelection';
const ROW_ROLES: readonly ParticipantRole[] = ['from', 'to', 'cc'];

export const outlook: HostAdapter = {
  id: 'outlook',
  watchSelector: `${PANE},[data-convid],[role=heading],${PERSONA}`,
  watchAttributes: ['aria-selected', 'data-convid', 'title'],
  read,
};

function read(root: ParentNode, url: URL | string): ReadResult {
  const u = toUrl(url);
  if (!u || hostIdForUrl(u.href) !== 'outlook') return failure('outlook', 'wrong-host');
  const base: HostContext = { host: 'outlook', view: 'none', participants: [] };
  const self = emailIn(textOf(root.querySelector('#mectrl_currentAccount_secondary')) ?? root.querySelector('#O365_MainLink_Me')?.getAttribute('aria-label'));
  if (self) base.self = self;

  const itemId = u.pathname.match(/\/id\/([^/]+)/)?.[1];
  const selected = root.querySelector('[role=option][data-convid][aria-selected=true]')?.getAttribute('data-convid');
  const pane = root.querySelector(PANE);
  const heading = pane?.querySelector('[role=heading]');
  if (!heading) return itemId || selected ? failure('outlook', 'missing-element', pane ? 'subject' : 'reading-pane') : checked(base);

  const id = selected ?? (itemId && decodeURIComponent(itemId));
  if (!id) return failure('outlook', 'missing-element', 'conversation-id');
  const people = participantList();
  const messages = pane!.querySelectorAll('[role=listitem]');
  for (const message of messages.length ? messages : [pane!]) readHeader(message, people);
  if (!people.all.length) return failure('outlook', 'missing-element', 'sender');
  return checked({
    ...base,
    view: 'thread',
    title: heading.getAttribute('title') ?? textOf(heading),
    id,
    // The address with an item id reopens the message; a conversation id alone has no public link.
    ...(itemId ? { link: u.origin + u.pathname } : {}),
    participants: people.all,
  });
}

/** Personas grouped by their row, rows in order: from, to, cc; a fourth row (bcc) is left out. */
function readHeader(message: Element, people: ParticipantList): void {
  const rows: Element[] = [];
  for (const persona of message.querySelectorAll(PERSONA)) {
    const row = persona.parentElement?.closest('div');
    if (!row || persona.closest(BODY)) continue;
    if (!rows.includes(row)) rows.push(row);
    const role = ROW_ROLES[rows.indexOf(row)];
    const text = textOf(persona);
    const email = emailIn(persona.getAttribute('title')) ?? emailIn(persona.getAttribute('aria-label')) ?? emailIn(text);
    if (role) people.add(email, role, text);
  }
}
