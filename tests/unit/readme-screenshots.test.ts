import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The README's pictures come from `npm run screenshots` into
 * docs/screenshots/. A picture the README shows but the folder lacks is a
 * broken image on the project's front page.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const README = readFileSync(resolve(ROOT, 'README.md'), 'utf8');
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const shown = [...README.matchAll(/!\[[^\]]*\]\((docs\/screenshots\/[^)\s]+)\)/g)].map((match) => match[1]!);

describe('README screenshots', () => {
  it('shows the panel on each host', () => {
    expect(shown).toEqual(expect.arrayContaining(['docs/screenshots/panel-gmail.png', 'docs/screenshots/panel-outlook.png', 'docs/screenshots/panel-google-calendar.png']));
  });

  it.each(shown)('%s is in the repository, as a PNG', (path) => {
    const file = resolve(ROOT, path);
    expect(existsSync(file), `${path} is missing: run \`npm run screenshots\``).toBe(true);
    expect(readFileSync(file).subarray(0, 8).equals(PNG_SIGNATURE), `${path} is not a PNG`).toBe(true);
  });
});
