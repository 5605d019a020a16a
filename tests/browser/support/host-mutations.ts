import type { Page } from '@playwright/test';
import type { HostId } from '../../../lib/hosts/supported-hosts';
import { EXPECTATION_GLOBAL, type PanelExpectation } from './adapter-in-page';

/**
 * Random changes to a host page of the kinds a host's redesign or
 * re-render brings: elements removed, renamed (tag, class, attribute),
 * reordered, duplicated, moved elsewhere, and their text changed.
 *
 * The randomness comes from the test's seeded generator as a list of draws,
 * so a failing round replays exactly from its seed; the page itself draws
 * nothing. Half of the targets are the elements the adapter watches and
 * their surroundings, or nearly every change would land in a message list
 * the adapter never reads. Sidecar's own dock is never touched: this is
 * about the host's page, not about the host deleting Sidecar.
 */
export const MUTATION_KINDS = ['remove', 'rename-tag', 'rename-class', 'rename-attribute', 'change-attribute', 'reorder', 'duplicate', 're-insert', 'change-text'] as const;

export interface MutationRound {
  /** How many changes this round makes. */
  count: number;
  /** Numbers in [0, 1) from the seeded generator; the page consumes them in order. */
  draws: number[];
  /** The adapter's `watchSelector`: what the adapter reads. */
  anchors: string;
}

/**
 * Applies one round of changes in the page's own world, then tells the page's
 * listeners the view changed (a `popstate`, as the hosts' routers cause), so
 * the watcher reads the changed page whatever its mutation filter would have
 * let through. Returns what it did, for the failure message, and what the
 * panel must now show (read in the same turn, so nothing changes between).
 */
export async function mutateHostPage(page: Page, host: HostId, round: MutationRound): Promise<{ changes: string[]; expected: PanelExpectation }> {
  return page.evaluate(
    ({ count, draws, anchors, kinds, host, expectation }) => {
      let cursor = 0;
      const next = () => draws[cursor++ % draws.length]!;
      const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;

      const TAGS = ['div', 'span', 'section', 'h2', 'h3', 'a', 'table', 'td', 'li', 'button', 'input'];
      const ATTRIBUTES = ['email', 'name', 'data-hovercard-id', 'data-email', 'data-thread-perm-id', 'data-legacy-thread-id', 'data-convid', 'data-eventid', 'aria-label', 'aria-selected', 'role', 'title', 'id', 'href'];
      const TEXTS = ['', ' ', 'Re: Renewal plan', 'ada@acme-logistics.com', 'Ada Lovelace <ada@acme-logistics.com>', 'לוח זמנים', '\u202eevil', 'x'.repeat(400), '<img src=x onerror=alert(1)>', '@', '🙂', 'Accepted, Organizer'];
      const VALUES = [...TEXTS, 'dialog', 'main', 'heading', 'true', 'thread-f:1', 'xDetDlg', 'https://accounts.google.com/SignOutOptions'];

      const ours = (el: Element) => el.closest('[data-sidecar-dock]') !== null;
      // A live list: picking from it costs nothing, even on Gmail's 10,000-element pages.
      const everything = document.body.getElementsByTagName('*');
      /** A random element of the page that `accept`s it; a few tries, since the dock's few nodes are the only ones refused. */
      const anyElement = (accept: (el: Element) => boolean): Element | undefined => {
        for (let tries = 0; tries < 8 && everything.length > 0; tries++) {
          const el = everything[Math.floor(next() * everything.length)]!;
          if (!ours(el) && accept(el)) return el;
        }
        return undefined;
      };
      const nearAnchors = () => {
        const near = new Set<Element>();
        for (const el of document.body.querySelectorAll(anchors)) {
          if (ours(el)) continue;
          near.add(el);
          if (el.parentElement && el.parentElement !== document.body) near.add(el.parentElement);
          for (const child of el.children) near.add(child);
        }
        return [...near];
      };
      const target = (): Element | undefined => {
        const near = next() < 0.5 ? nearAnchors() : [];
        return near.length > 0 ? pick(near) : anyElement(() => true);
      };
      const label = (el: Element) => `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.classList.length ? `.${[...el.classList].join('.')}` : ''}>`;
      /** Somewhere to put an element: any element of the page that is not inside it. */
      const destination = (el: Element): Element => anyElement((candidate) => !el.contains(candidate)) ?? document.body;
      const insertSomewhere = (el: Element, into: Element) => {
        const children = [...into.childNodes];
        into.insertBefore(el, children.length > 0 ? pick([...children, null]) : null);
      };

      const done: string[] = [];
      for (let n = 0; n < count; n++) {
        const el = target();
        if (!el) break;
        const kind = pick(kinds);
        const before = label(el);
        switch (kind) {
          case 'remove':
            el.remove();
            break;
          case 'rename-tag': {
            const renamed = document.createElement(pick(TAGS));
            for (const attribute of el.attributes) renamed.setAttribute(attribute.name, attribute.value);
            renamed.append(...el.childNodes);
            el.replaceWith(renamed);
            done.push(`${kind} ${before} → ${label(renamed)}`);
            continue;
          }
          case 'rename-class': {
            const classes = [...new Set(nearAnchors().flatMap((near) => [...near.classList]))];
            el.className = next() < 0.3 || classes.length === 0 ? `x${Math.floor(next() * 1000)}` : pick(classes);
            done.push(`${kind} ${before} → ${label(el)}`);
            continue;
          }
          case 'rename-attribute': {
            const attribute = el.attributes.length > 0 ? pick([...el.attributes]) : undefined;
            if (!attribute) {
              done.push(`${kind} ${before}: no attribute to rename`);
              continue;
            }
            const name = pick(ATTRIBUTES.filter((a) => a !== attribute.name));
            el.removeAttribute(attribute.name);
            el.setAttribute(name, attribute.value);
            done.push(`${kind} ${before} ${attribute.name} → ${name}`);
            continue;
          }
          case 'change-attribute': {
            const name = el.attributes.length > 0 && next() < 0.7 ? pick([...el.attributes]).name : pick(ATTRIBUTES);
            el.setAttribute(name, pick(VALUES));
            done.push(`${kind} ${before} ${name}`);
            continue;
          }
          case 'reorder': {
            const siblings = el.parentElement ? [...el.parentElement.children] : [];
            if (siblings.length < 2) {
              done.push(`${kind} ${before}: no sibling`);
              continue;
            }
            el.parentElement!.insertBefore(el, pick([...siblings, null]));
            break;
          }
          case 'duplicate':
            insertSomewhere(el.cloneNode(true) as Element, destination(el));
            break;
          case 're-insert': {
            const into = destination(el);
            el.remove();
            insertSomewhere(el, into);
            break;
          }
          case 'change-text': {
            const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
            const texts: Text[] = [];
            for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node as Text);
            if (texts.length > 0 && next() < 0.5) pick(texts).data = pick(TEXTS);
            else el.textContent = pick(TEXTS);
            break;
          }
        }
        done.push(`${kind} ${before}`);
      }
      window.dispatchEvent(new PopStateEvent('popstate'));
      const expected = (window as unknown as Record<string, (host: string) => PanelExpectation>)[expectation]!(host);
      return { changes: done, expected };
    },
    { ...round, kinds: MUTATION_KINDS, host, expectation: EXPECTATION_GLOBAL },
  );
}
