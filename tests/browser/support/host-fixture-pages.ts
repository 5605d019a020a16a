import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { listHostFixtures, readGolden, type Golden, type HostFixture } from '../../support/host-fixtures';

const FIXTURES = resolve(import.meta.dirname, '../../fixtures');

export interface FixturePage {
  fixture: HostFixture;
  golden: Golden;
  /** The fixture file, relative to tests/fixtures, as `serveHostPages` takes it. */
  file: string;
}

export function fixturePage(name: string): FixturePage {
  const fixture = listHostFixtures().find((f) => f.name === name);
  if (!fixture) throw new Error(`no host fixture named ${name}`);
  return { fixture, golden: readGolden(fixture), file: relative(FIXTURES, fixture.htmlPath) };
}

export function allFixturePages(): FixturePage[] {
  return listHostFixtures().map((fixture) => fixturePage(fixture.name));
}

/** The route table entry serving a fixture at its golden address (the server never sees the hash). */
export function routeFor(page: FixturePage): Record<string, string> {
  const url = new URL(page.golden.url);
  return { [`${url.origin}${url.pathname}${url.search}`]: page.file };
}

function bodyOf(page: FixturePage): string {
  const html = readFileSync(page.fixture.htmlPath, 'utf8');
  const body = /<body[^>]*>([\s\S]*)<\/body>/i.exec(html)?.[1];
  if (body === undefined) throw new Error(`${page.fixture.name} has no <body>`);
  return body;
}

/**
 * Does what the host's own scripts do when the user opens another thread or
 * event: changes the address (hash or history, or not at all for a dialog)
 * and re-renders the page, leaving the nodes it did not create (Sidecar's
 * dock) where they are. Runs in the page's own world, under its strict CSP,
 * so it creates a Trusted Types policy as Gmail's own code does.
 */
/** Resolves with the page's clock (`Date.now()`) at the moment its change was done. */
export async function navigateLikeTheHost(
  page: Page,
  to: FixturePage,
  how: 'hash' | 'history' | 'render-only',
): Promise<number> {
  return page.evaluate(
    ({ url, body, how }) => {
      const tt = (window as unknown as { trustedTypes?: { createPolicy(n: string, p: object): { createHTML(s: string): string } } }).trustedTypes;
      const policy = tt?.createPolicy(`host-render-${Math.random()}`, { createHTML: (s: string) => s });
      if (how === 'hash') location.hash = new URL(url).hash;
      if (how === 'history') history.pushState({}, '', url);
      const template = document.createElement('template');
      template.innerHTML = policy ? policy.createHTML(body) : body;
      for (const child of [...document.body.children]) if (!child.hasAttribute('data-sidecar-dock')) child.remove();
      document.body.prepend(template.content);
      return Date.now();
    },
    { url: to.golden.url, body: bodyOf(to), how },
  );
}
