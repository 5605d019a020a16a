import { describe, expect, it } from 'vitest';
import { listHostFixtures, loadFixtureDocument } from '@/tests/support/host-fixtures';
import { scrubHtml } from './scrub-html';

function element(html: string): Element {
  const host = document.createElement('div');
  host.innerHTML = html;
  return host.firstElementChild!;
}

describe('scrubHtml', () => {
  it('keeps tag and attribute names and drops text, comments and every attribute value', () => {
    const el = element('<div class="adn ads" data-message-id="#msg-f:1"><!-- note --><span class="gD" email="maya@acme.example" name="Maya">Maya Okafor</span><img src="https://x/a.png" alt="Ada"><br>Renewal</div>');
    expect(scrubHtml(el)).toBe('<div class data-message-id><span class email name></span><img src alt><br></div>');
  });

  it('cuts long output and marks the cut', () => {
    const el = element(`<ul>${'<li data-x="1"></li>'.repeat(500)}</ul>`);
    const scrubbed = scrubHtml(el, 200);
    expect(scrubbed).toHaveLength(201);
    expect(scrubbed.endsWith('…')).toBe(true);
  });

  it.each(listHostFixtures().filter((f) => !f.name.includes('thread-')).map((f) => [f.name, f] as const))(
    '%s: the scrubbed page has no address, name, subject or body left',
    (_name, fixture) => {
      const scrubbed = scrubHtml(loadFixtureDocument(fixture).documentElement, 1_000_000);
      expect(scrubbed).toMatch(/^<html lang dir>/);
      expect(scrubbed).not.toMatch(/@|SIDECAR|Whitfield|=/);
    },
  );
});
