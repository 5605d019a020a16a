import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Window } from 'happy-dom';
import { z } from 'zod';
import { HOST_IDS, type HostId } from '@/lib/hosts/supported-hosts';

/**
 * The saved host pages under tests/fixtures/hosts/<host>/<view>-<YYYY-MM-DD>.html,
 * each beside its golden file `<same>.context.json`: the address the page
 * was read at and the read result expected there (a context or a failure).
 */
export const HOST_FIXTURES_DIR = resolve(import.meta.dirname, '..', 'fixtures', 'hosts');

export const FIXTURE_NAME = /^[a-z0-9-]+-\d{4}-\d{2}-\d{2}\.html$/;

const Golden = z.object({
  url: z.url(),
  expected: z.union([z.object({ ok: z.literal(true), context: z.record(z.string(), z.unknown()) }), z.object({ ok: z.literal(false), failure: z.record(z.string(), z.unknown()) })]),
});
export type Golden = z.infer<typeof Golden>;

export interface HostFixture {
  host: HostId;
  /** e.g. `gmail/thread-2026-11-22`. */
  name: string;
  htmlPath: string;
  goldenPath: string;
}

export function listHostFixtures(): HostFixture[] {
  return HOST_IDS.flatMap((host) =>
    hostFiles(host)
      .filter((file) => file.endsWith('.html'))
      .sort()
      .map((file) => ({
        host,
        name: `${host}/${file.slice(0, -'.html'.length)}`,
        htmlPath: join(HOST_FIXTURES_DIR, host, file),
        goldenPath: join(HOST_FIXTURES_DIR, host, file.replace(/\.html$/, '.context.json')),
      })),
  );
}

/** Every file in a host's fixture folder (none when the folder is missing: the structure test reports that). */
export function hostFiles(host: HostId): string[] {
  const dir = join(HOST_FIXTURES_DIR, host);
  return existsSync(dir) ? readdirSync(dir) : [];
}

export function readGolden(fixture: HostFixture): Golden {
  return Golden.parse(JSON.parse(readFileSync(fixture.goldenPath, 'utf8')));
}

export function readFixtureHtml(fixture: HostFixture): string {
  return readFileSync(fixture.htmlPath, 'utf8');
}

/** A fresh document parsed from the fixture, in its own happy-dom window (no scripts run). */
export function loadFixtureDocument(fixture: HostFixture, url = readGolden(fixture).url): Document {
  const window = new Window({ url, settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true } });
  window.document.write(readFixtureHtml(fixture));
  return window.document as unknown as Document;
}
