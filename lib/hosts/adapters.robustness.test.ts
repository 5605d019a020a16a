import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FAILURE_CODES, HostContext } from './host-context';
import { HOST_ADAPTERS } from './registry';
import { HOST_IDS } from './supported-hosts';

/**
 * Host pages change without notice; whatever they turn into, a read must
 * return a valid context or a typed failure and never throw or log (an
 * exception in a content script lands in the host page's console).
 * Pages here are random trees built from the very anchors the adapters look
 * for, with random attribute values, so the odd combinations get exercised.
 */
const TAGS = ['div', 'span', 'h2', 'input', 'a', 'table', 'tr', 'td'];
const CLASSES = ['hP', 'adn', 'kv', 'gD', 'g2', 'hb', 'ajB', 'a3s', 'ii gt', ''];
const ATTRIBUTES = ['email', 'name', 'data-thread-perm-id', 'data-legacy-thread-id', 'data-message-id', 'role', 'data-hovercard-id', 'data-email', 'data-eventid', 'aria-label', 'aria-selected', 'data-convid', 'data-lpc-hover-target-id', 'title', 'id', 'href', 'contenteditable'];
const VALUES = fc.oneof(
  fc.constantFrom('main', 'dialog', 'heading', 'option', 'listitem', 'true', 'to', 'cc', 'bcc', 'subjectbox', 'xDetDlg', 'ReadingPaneContainerId', 'UniqueMessageBody_1', 'thread-f:123', 'thread-f:', '18c2f0a1b2c3d4e5', 'zz', 'https://accounts.google.com/SignOutOptions', 'a@b.example', 'Ada <ada@x.example>', 'Accepted, Organizer', 'NXE4 ZGFu', 'YWJjIGF-YkBjLmV4YW1wbGU', '@', '<>'),
  fc.string({ maxLength: 12 }),
);

interface Node {
  tag: string;
  className: string;
  attributes: [string, string][];
  text: string;
  children: Node[];
}
function treeOf(depth: number): fc.Arbitrary<Node> {
  return fc.record({
    tag: fc.constantFrom(...TAGS),
    className: fc.constantFrom(...CLASSES),
    attributes: fc.array(fc.tuple(fc.constantFrom(...ATTRIBUTES), VALUES), { maxLength: 4 }),
    text: fc.string({ maxLength: 8 }),
    children: depth === 0 ? fc.constant([]) : fc.array(treeOf(depth - 1), { maxLength: 3 }),
  });
}
const tree = treeOf(4);

function build(node: Node, doc: Document): Element {
  const el = doc.createElement(node.tag);
  if (node.className) el.className = node.className;
  for (const [name, value] of node.attributes) el.setAttribute(name, value);
  el.append(node.text, ...node.children.map((child) => build(child, doc)));
  return el;
}

const URLS = fc.constantFrom(
  'https://mail.google.com/mail/u/0/#inbox',
  'https://mail.google.com/mail/u/1/#search/x/FMfcgzQXJWDsKmGLvKWtbwhpqBLQGvZM',
  'https://outlook.office.com/mail/inbox/id/AAQk%3D',
  'https://outlook.live.com/mail/0/',
  'https://calendar.google.com/calendar/u/0/r/eventedit/YWJjIGF-YkBjLmV4YW1wbGU',
  'https://calendar.google.com/calendar/u/0/r/eventedit/%%%',
  'https://calendar.google.com/calendar/r/week',
);

afterEach(() => vi.restoreAllMocks());

describe('adapters on arbitrary pages', () => {
  it.each(HOST_IDS)('%s returns a valid context or a typed failure, silently', (id) => {
    const logs = (['log', 'debug', 'info', 'warn', 'error'] as const).map((level) => vi.spyOn(console, level));
    fc.assert(
      fc.property(fc.array(tree, { maxLength: 4 }), URLS, (trees, url) => {
        const doc = document.implementation.createHTMLDocument('');
        doc.body.append(...trees.map((t) => build(t, doc)));
        const result = HOST_ADAPTERS[id].read(doc, url);
        if (result.ok) expect(HostContext.parse(result.context).host).toBe(id);
        else expect(FAILURE_CODES).toContain(result.failure.code);
      }),
      { numRuns: 300 },
    );
    for (const log of logs) expect(log).not.toHaveBeenCalled();
  });
});
