/**
 * Checks the store packages `npm run zip` wrote: each browser's ZIP has a
 * manifest with a name, a description and every icon size (real PNGs of
 * that size), and the sources ZIP holds what a reviewer needs to rebuild
 * and nothing built, installed or secret. addons-linter then checks the
 * Firefox ZIP itself (scripts/lint-firefox.ts --package).
 */
import { existsSync, statSync } from 'node:fs';
import { relative } from 'node:path';
import { checkExtensionPackage, checkSourcesPackage } from './package-checks';
import { ROOT, storePackages } from './store-packages';
import { zipEntries } from './zip-entries';

function main(): void {
  const packages = storePackages();
  let failed = false;
  for (const [kind, path] of Object.entries(packages) as [keyof typeof packages, string][]) {
    const shown = relative(ROOT, path);
    if (!existsSync(path)) {
      console.log(`FAIL ${shown} is missing: run \`npm run zip\` first`);
      failed = true;
      continue;
    }
    const entries = zipEntries(path);
    const problems = kind === 'sources' ? checkSourcesPackage(entries) : checkExtensionPackage(entries, kind);
    const size = `${(statSync(path).size / 1024).toFixed(1)} KB, ${entries.length} files`;
    if (problems.length === 0) console.log(`ok   ${shown} (${size})`);
    for (const problem of problems) console.log(`FAIL ${shown}: ${problem}`);
    failed ||= problems.length > 0;
  }
  if (failed) process.exitCode = 1;
}

main();
