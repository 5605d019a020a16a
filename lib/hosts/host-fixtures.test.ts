import { describe, expect, it } from 'vitest';
import { FIXTURE_NAME, hostFiles, listHostFixtures, loadFixtureDocument, readFixtureHtml, readGolden } from '@/tests/support/host-fixtures';
import { HostContext, HostReadFailure } from './host-context';
import { HOST_IDS, hostIdForUrl as hostIdForUrl } from './supported-hosts';

const fixtures = listHostFixtures();

describe('host fixtures: structure', () => {
  it.each(HOST_IDS)('%s has fixtures, at least one of them broken', (host) => {
    const expected = fixtures.filter((f) => f.host === host).map((f) => readGolden(f).expected);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.some((e) => !e.ok && e.failure.code === 'missing-element')).toBe(true);
    expect(expected.some((e) => e.ok && e.context.view === 'none')).toBe(true);
  });

  it.each(HOST_IDS)('every %s fixture has a golden file and every golden file a fixture, all named by view and date', (host) => {
    for (const file of hostFiles(host)) {
      if (file.endsWith('.html')) {
        expect(file).toMatch(FIXTURE_NAME);
        expect(hostFiles(host), `${host}/${file} has no golden file`).toContain(file.replace(/\.html$/, '.context.json'));
      } else if (file.endsWith('.context.json')) {
        expect(hostFiles(host), `${host}/${file} has no fixture`).toContain(file.replace(/\.context\.json$/, '.html'));
      } else {
        throw new Error(`unexpected file ${host}/${file}`);
      }
    }
  });

  it.each(fixtures.map((f) => [f.name, f] as const))('%s: golden file is a valid read result at its own host', (_name, fixture) => {
    const { url, expected } = readGolden(fixture);
    expect(hostIdForUrl(url)).toBe(fixture.host);
    if (expected.ok) expect(HostContext.parse(expected.context).host).toBe(fixture.host);
    else expect(HostReadFailure.parse(expected.failure).host).toBe(fixture.host);
  });

  it.each(fixtures.map((f) => [f.name, f] as const))('%s: plain HTML with a body marker and no scripts', (_name, fixture) => {
    const html = readFixtureHtml(fixture);
    expect(html).toMatch(/SIDECAR-BODY-MARKER-[a-z0-9-]+/);
    expect(html).not.toMatch(/<script|\son[a-z]+=/i);
    expect(loadFixtureDocument(fixture).querySelector('body')).not.toBeNull();
  });
});
