import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * No remote code and no eval in what ships: every script and page of both
 * builds is scanned. The one exception is zod's, and it is unreachable:
 * zod 4 probes `Function('')` and compiles fast parsers with `new Function`
 * only when `jitless` is off, and lib/zod-jitless.ts turns it on first in
 * every entrypoint that bundles zod (the MV3 content-security policy of
 * ARCHITECTURE.md would refuse the evaluation anyway).
 */
const ROOT = resolve(import.meta.dirname, '../..');
const BUILDS = ['.output/chrome-mv3', '.output/firefox-mv3'];

/** zod's probe and compiler, as the minifier writes them; nothing else may mention `Function` as a callee. */
const ZOD_PROBE = 'try{return Function(``),!0}catch{return!1}';
const ZOD_COMPILER = /compile\(\)\{let (\w+)=Function,\w+=this\?\.content\?\?\[``\];return new \1\(/g;

const FORBIDDEN: [string, RegExp][] = [
  ['eval(', /(?<![\w$.])eval\s*\(/],
  ['new Function', /new\s+Function\s*\(/],
  ['Function( called', /(?<![\w$.])Function\s*\(/],
  ['Function aliased', /[=,(]\s*Function\s*[,;)]/],
  ['setTimeout with a string', /setTimeout\s*\(\s*["'`]/],
  ['importScripts', /importScripts\s*\(/],
  ['dynamic import of a URL', /import\s*\(\s*["'`](https?:)?\/\//],
  ['script src from the network', /\.src\s*=\s*["'`](https?:)?\/\/[^"'`]*\.m?js/],
];

function filesOf(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesOf(path) : [path];
  });
}

describe.each(BUILDS)('%s', (build) => {
  const dir = resolve(ROOT, build);
  if (!existsSync(dir)) throw new Error(`${build} is missing: run \`npm run build\` before the unit tests`);
  const files = filesOf(dir).filter((path) => /\.(m?js|html)$/.test(path));

  it('holds no eval, no Function constructor and no remote script, but zod’s unreachable probe', () => {
    const found: string[] = [];
    for (const path of files) {
      const code = readFileSync(path, 'utf8').replaceAll(ZOD_PROBE, '').replace(ZOD_COMPILER, '');
      for (const [what, pattern] of FORBIDDEN) {
        const match = pattern.exec(code);
        if (match) found.push(`${relative(dir, path)}: ${what} in …${code.slice(Math.max(0, match.index - 60), match.index + 40)}…`);
      }
    }
    expect(found).toEqual([]);
    expect(files.length).toBeGreaterThan(4);
  });

  it('turns zod’s JIT off in every bundle that carries it', () => {
    const withZodJit = files.filter((path) => readFileSync(path, 'utf8').includes(ZOD_PROBE));
    expect(withZodJit.length).toBeGreaterThan(0);
    for (const path of withZodJit) expect(readFileSync(path, 'utf8'), relative(dir, path)).toContain('jitless:!0');
  });

  it('loads pages’ scripts from the package only', () => {
    for (const page of files.filter((path) => path.endsWith('.html'))) {
      const html = readFileSync(page, 'utf8');
      const sources = [...html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
      expect(sources.filter((src) => !src.startsWith('/')), relative(dir, page)).toEqual([]);
      expect(html, relative(dir, page)).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>\s*\S/); // no inline script
    }
  });
});
