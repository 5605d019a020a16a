import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const BUILDS = { chrome: '.output/chrome-mv3/manifest.json', firefox: '.output/firefox-mv3/manifest.json' } as const;
const AUDITED_KEYS = ['permissions', 'host_permissions', 'optional_permissions', 'optional_host_permissions', 'web_accessible_resources'] as const;

/** The permission table of ARCHITECTURE.md: manifest key → values. */
function documentedManifest(): Record<string, string[]> {
  const text = readFileSync(resolve(ROOT, 'ARCHITECTURE.md'), 'utf8');
  const block = /<!-- manifest:start -->([\s\S]*?)<!-- manifest:end -->/.exec(text)?.[1];
  if (!block) throw new Error('ARCHITECTURE.md has no <!-- manifest:start --> … <!-- manifest:end --> table');
  const documented: Record<string, string[]> = {};
  for (const line of block.split('\n')) {
    const cells = line.split('|').map((cell) => cell.trim());
    const [, key, value] = cells;
    if (!key || !value || key === 'manifest key' || key.startsWith('---')) continue;
    (documented[key] ??= []).push(value);
  }
  return documented;
}

interface Manifest {
  [key: string]: unknown;
  web_accessible_resources?: { resources: string[]; matches: string[] }[];
}

function builtManifest(target: keyof typeof BUILDS): Manifest {
  const path = resolve(ROOT, BUILDS[target]);
  if (!existsSync(path)) throw new Error(`${BUILDS[target]} is missing: run \`npm run build\` before the unit tests`);
  return JSON.parse(readFileSync(path, 'utf8')) as Manifest;
}

describe.each(Object.keys(BUILDS) as (keyof typeof BUILDS)[])('the %s manifest', (target) => {
  const manifest = builtManifest(target);
  const documented = documentedManifest();

  it.each(AUDITED_KEYS)('asks for exactly the %s that ARCHITECTURE.md lists', (key) => {
    const actual =
      key === 'web_accessible_resources'
        ? (manifest.web_accessible_resources ?? []).flatMap((entry) => entry.resources)
        : ((manifest[key] as string[] | undefined) ?? []);
    expect([...actual].sort()).toEqual([...(documented[key] ?? [])].sort());
  });

  it('lets only the supported hosts frame the panel', () => {
    for (const entry of manifest.web_accessible_resources ?? []) {
      expect([...entry.matches].sort()).toEqual([...(documented.host_permissions ?? [])].sort());
    }
  });

  it('declares exactly the content-security policy that ARCHITECTURE.md lists', () => {
    const documentedPolicies = Object.fromEntries(
      (documented.content_security_policy ?? []).map((value) => [value.split(': ')[0], value.slice(value.indexOf(': ') + 2)]),
    );
    expect(Object.keys(documentedPolicies)).toEqual(['extension_pages']);
    expect(manifest.content_security_policy).toEqual(documentedPolicies);
  });

  it('never asks for every site at install', () => {
    const everything = JSON.stringify([manifest.permissions, manifest.host_permissions]);
    expect(everything).not.toMatch(/<all_urls>|\*:\/\/\*\/\*|https:\/\/\*\/\*/);
  });
});
