import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FixturePage } from './host-fixture-pages';

/**
 * A host fixture retold about another customer: every occurrence of each
 * `[from, to]` pair replaced (domains first, then names), written into `dir`
 * and served at the fixture's own address. The workspace tests use it to open
 * the hosts' fixture pages as threads and events with the seed's accounts,
 * without a second copy of each page in tests/fixtures.
 */
export function retoldFixture(page: FixturePage, replacements: readonly (readonly [string, string])[], dir: string): Record<string, string> {
  let html = readFileSync(page.fixture.htmlPath, 'utf8');
  for (const [from, to] of replacements) {
    if (!html.includes(from)) throw new Error(`${page.fixture.name} does not contain "${from}"`);
    html = html.replaceAll(from, to);
  }
  const file = join(dir, `${page.fixture.name.replaceAll('/', '-')}.html`);
  writeFileSync(file, html);
  const url = new URL(page.golden.url);
  // serveHostPages resolves relative paths under tests/fixtures; an absolute one is served as it is.
  return { [`${url.origin}${url.pathname}${url.search}`]: file };
}
