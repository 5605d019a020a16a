import type { HostAdapter } from './host-adapter';
import { checked, failure, type HostContext, type ReadResult } from './host-context';
import { emailIn, googleAccountAddress, type ParticipantList, participantList, textOf, toUrl } from './read-helpers';
import { hostIdForUrl } from './supported-hosts';

/**
 * Gmail: the conversation view (also inside the split reading pane and after
 * a search), compose windows, and everything else as `none`.
 *
 * Anchors, newest knowledge first. Gmail's class names are obfuscated but
 * have been stable for years; we still prefer attributes where Gmail offers
 * them (`email`, `data-*-thread-id`, `data-hovercard-id`, `name`), because
 * Gmail removed `table.Bs` from the conversation view in a staged rollout in
 * November 2023 and reading code that depended on it went blank.
 * - subject `h2.hP`, carrying `data-thread-perm-id` / `data-legacy-thread-id`
 * - sender `span.gD[email]` (expanded and collapsed messages)
 * - recipients `span.g2[email]`, `.hb [email]`; cc from the details table `.ajB`
 * - compose: `input[name=subjectbox]`, recipient chips `[data-hovercard-id]`
 *   inside the `to` / `cc` field
 * Message bodies (`.a3s`, `.ii.gt`, the compose editor) are never read: elements inside them are
 * skipped even when they look like headers.
 */

const BODY = '.a3s,.ii.gt,[contenteditable]';

export const gmail: HostAdapter = {
  id: 'gmail',
  // Not the thread-id attributes or bare hovercards: every inbox row carries them.
  watchSelector: 'h2.hP,div.adn,.kv,span.gD,.hb,.ajB,[role=dialog],[role=dialog] [data-hovercard-id],input[name=subjectbox]',
  // Gmail reuses the heading element from one thread to the next and rewrites its ids.
  watchAttributes: ['data-thread-perm-id', 'email'],
  read,
};

function read(root: ParentNode, url: URL | string): ReadResult {
  const u = toUrl(url);
  if (!u || hostIdForUrl(u.href) !== 'gmail') return failure('gmail', 'wrong-host');
  const self = googleAccountAddress(root);
  // The link must reopen the thread in the same account: Gmail accepts the
  // address in place of the account index, which survives re-ordered logins.
  const account = self ?? u.pathname.match(/\/mail\/u\/(\d+)/)?.[1] ?? '0';
  const base: HostContext = { host: 'gmail', view: 'none', participants: [] };
  if (self) base.self = self;

  const subject = root.querySelector('h2.hP');
  if (subject || root.querySelector('div.adn') || threadInHash(u.hash)) {
    if (!subject) return failure('gmail', 'missing-element', 'subject');
    // Only the heading's own ids: list rows beside it carry other threads' ids.
    const id = threadId(subject);
    if (!id) return failure('gmail', 'missing-element', 'thread-id');
    // The conversation lives in the main area with its heading; the rest of
    // the page (lists, chat, add-ons) is not searched.
    const view = subject.closest('[role=main]') ?? root;
    const people = participantList();
    for (const from of headers(view, 'span.gD[email]')) people.add(emailIn(from.getAttribute('email')), 'from', nameOf(from));
    for (const message of view.querySelectorAll('div.adn')) addRecipients(message, people);
    if (!people.all.length) return failure('gmail', 'missing-element', 'sender');
    return checked({
      ...base,
      view: 'thread',
      title: textOf(subject),
      id,
      link: `https://mail.google.com/mail/u/${account}/#all/${BigInt(id.slice(id.indexOf(':') + 1)).toString(16)}`,
      participants: people.all,
    });
  }

  // The newest compose window is the last in the page; an inline reply sits
  // inside a thread, which was handled above.
  const subjects = root.querySelectorAll<HTMLInputElement>('input[name=subjectbox]');
  const subjectBox = subjects[subjects.length - 1];
  const compose = subjectBox?.closest('[role=dialog],form');
  if (subjectBox && compose) {
    const people = participantList();
    for (const chip of headers(compose, '[data-hovercard-id]')) {
      const field = chip.closest('[name]')?.getAttribute('name');
      // Bcc recipients are left out on purpose: they are hidden from the others.
      if (field !== 'bcc') people.add(emailIn(chip.getAttribute('data-hovercard-id')), field === 'cc' ? 'cc' : 'to', chip.getAttribute('data-name') ?? textOf(chip));
    }
    const title = subjectBox.value.trim();
    return checked({ ...base, view: 'compose', ...(title ? { title } : {}), participants: people.all });
  }
  return checked(base);
}

/** Header elements only: a message body may contain look-alike markup, and bodies are never read. */
function headers(scope: ParentNode, selector: string): Element[] {
  return [...scope.querySelectorAll(selector)].filter((el) => !el.closest(BODY));
}

function nameOf(el: Element): string | undefined {
  return el.getAttribute('name') ?? textOf(el);
}

function addRecipients(message: Element, people: ParticipantList): void {
  // The details table (shown after "show details") is the only place that
  // separates cc from to; its row label is "cc:" in most languages. Without
  // it, Gmail's summary line lists to and cc together, read as `to`.
  const cc = new Set<string>();
  for (const row of headers(message, '.ajB tr') as HTMLTableRowElement[]) {
    if (!/^\s*cc/i.test(row.cells[0]?.textContent ?? '')) continue;
    for (const el of row.querySelectorAll('[email]')) cc.add(emailIn(el.getAttribute('email')) ?? '');
  }
  for (const el of headers(message, 'span.g2[email],.hb [email],.ajB [email]:not(.gD)')) {
    const email = emailIn(el.getAttribute('email'));
    people.add(email, email && cc.has(email) ? 'cc' : 'to', nameOf(el));
  }
}

/** `thread-f:<decimal>`; the legacy id is the same number in hex, so either anchor gives the same id. */
function threadId(el: Element): string | undefined {
  const perm = el.getAttribute('data-thread-perm-id');
  if (perm && /^thread-[a-z]:\d+$/.test(perm)) return perm;
  const legacy = el.getAttribute('data-legacy-thread-id');
  return legacy && /^[0-9a-f]{8,16}$/i.test(legacy) ? 'thread-f:' + BigInt('0x' + legacy) : undefined;
}

/** `#inbox/FMfcg…`, `#search/acme/FMfcg…`, `#label/x/FMfcg…`: the address names an open thread. */
function threadInHash(hash: string): boolean {
  const parts = hash.slice(1).split('/');
  const minimum = /^(search|label|category|advanced-search)$/.test(parts[0] ?? '') ? 3 : 2;
  return parts.length >= minimum && /^[A-Za-z0-9]{16,}$/.test(parts[parts.length - 1] ?? '');
}
