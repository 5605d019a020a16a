import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * Where `npm run zip` (WXT's zip) writes the store packages: WXT names them
 * `{name}-{version}-{browser}.zip` from package.json, and adds the sources
 * ZIP that addons.mozilla.org asks reviewers to rebuild from.
 */
export const ROOT = resolve(import.meta.dirname, '..');

export function storePackages(): { chrome: string; firefox: string; sources: string } {
  const { name, version } = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
  const at = (suffix: string) => resolve(ROOT, '.output', `${name}-${version}-${suffix}.zip`);
  return { chrome: at('chrome'), firefox: at('firefox'), sources: at('sources') };
}
