/**
 * Prints the gzipped size of every built content script and fails when one
 * is over the budget. Content scripts load into every Gmail, Outlook and
 * Calendar tab a CSM opens; they must stay small.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

export const CONTENT_SCRIPT_BUDGET_BYTES = 15 * 1024;
const BUILDS = ['.output/chrome-mv3', '.output/firefox-mv3'];
const ROOT = resolve(import.meta.dirname, '..');

export function contentScriptSizes(build: string): { file: string; gzipBytes: number }[] {
  const dir = join(ROOT, build, 'content-scripts');
  if (!existsSync(dir)) throw new Error(`${build} is missing: run \`npm run build\` first`);
  return readdirSync(dir)
    .filter((file) => file.endsWith('.js'))
    .map((file) => ({ file: `${build}/content-scripts/${file}`, gzipBytes: gzipSync(readFileSync(join(dir, file)), { level: 9 }).length }));
}

function main(): void {
  let over = 0;
  for (const build of BUILDS) {
    for (const { file, gzipBytes } of contentScriptSizes(build)) {
      const ok = gzipBytes <= CONTENT_SCRIPT_BUDGET_BYTES;
      if (!ok) over += 1;
      console.log(`${ok ? 'ok  ' : 'OVER'} ${(gzipBytes / 1024).toFixed(1).padStart(5)} KB gzipped  ${file}`);
    }
  }
  console.log(`budget: ${CONTENT_SCRIPT_BUDGET_BYTES / 1024} KB gzipped per content script`);
  if (over > 0) {
    console.error(`${over} content script(s) over budget`);
    process.exitCode = 1;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main();
