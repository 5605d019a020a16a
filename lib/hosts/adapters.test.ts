import { describe, expect, it } from 'vitest';
import { type HostFixture, listHostFixtures, loadFixtureDocument as parseFixture, readGolden } from '@/tests/support/host-fixtures';
import { HOST_ADAPTERS } from './registry';
import { HOST_IDS } from './supported-hosts';

const fixtures = listHostFixtures();

// Adapters only read, so each page is parsed once for all the tests below
// (the largest Gmail page takes ~0.5 s to parse in happy-dom).
const parsed = new Map<HostFixture, Document>();
function loadFixtureDocument(fixture: HostFixture): Document {
  if (!parsed.has(fixture)) parsed.set(fixture, parseFixture(fixture));
  return parsed.get(fixture)!;
}
const cases = fixtures.map((f) => [f.name, f] as const);

describe('host adapters on saved pages', () => {
  it.each(cases)('%s reads exactly as its golden file says', (_name, fixture) => {
    const { url, expected } = readGolden(fixture);
    expect(HOST_ADAPTERS[fixture.host].read(loadFixtureDocument(fixture), url)).toEqual(expected);
  });

  it.each(cases)('%s reads the same given a URL object as given a string', (_name, fixture) => {
    const { url, expected } = readGolden(fixture);
    expect(HOST_ADAPTERS[fixture.host].read(loadFixtureDocument(fixture), new URL(url))).toEqual(expected);
  });

  it.each(cases)('%s is refused as wrong-host by every other adapter', (_name, fixture) => {
    const { url } = readGolden(fixture);
    const document = loadFixtureDocument(fixture);
    for (const other of HOST_IDS.filter((id) => id !== fixture.host)) {
      expect(HOST_ADAPTERS[other].read(document, url)).toEqual({ ok: false, failure: { code: 'wrong-host', host: other } });
    }
  });

  it.each(cases)('%s: no read result ever contains the message body or description', (_name, fixture) => {
    const { url } = readGolden(fixture);
    const document = loadFixtureDocument(fixture);
    for (const id of HOST_IDS) {
      const serialised = JSON.stringify(HOST_ADAPTERS[id].read(document, url));
      expect(serialised).not.toMatch(/body-marker|phish\.example|body-cc|body-chip/i);
    }
  });

  it.each(cases.filter(([name]) => name.includes('/broken-')))('%s yields a typed missing-element failure, not an exception', (_name, fixture) => {
    const { url } = readGolden(fixture);
    const result = HOST_ADAPTERS[fixture.host].read(loadFixtureDocument(fixture), url);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.failure.code).toBe('missing-element');
      expect(result.failure.anchor).toMatch(/^[a-z-]+$/);
    }
  });

  it.each(HOST_IDS)('%s refuses an address that is not a URL, and an empty page at its own host reads as nothing open', (id) => {
    const adapter = HOST_ADAPTERS[id];
    expect(adapter.read(document, 'not a url')).toEqual({ ok: false, failure: { code: 'wrong-host', host: id } });
    const ownUrl = readGolden(fixtures.find((f) => f.host === id)!).url.replace(/[#?].*$/, '').replace(/\/id\/.*|\/r\/eventedit\/.*/, '');
    const empty = document.implementation.createHTMLDocument('');
    expect(adapter.read(empty, ownUrl)).toEqual({ ok: true, context: { host: id, view: 'none', participants: [] } });
  });
});
