/**
 * Runs Mozilla's addons-linter on the Firefox build and fails on any error.
 * `--package` lints the store ZIP `npm run zip` wrote, the very file that is
 * uploaded to addons.mozilla.org; a path lints that path.
 * Warnings are printed for a person to read (React's own innerHTML use is
 * one), but only errors block a release on addons.mozilla.org.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { storePackages } from './store-packages';

const run = promisify(execFile);
const argument = process.argv[2];
const target = argument === '--package' ? storePackages().firefox : resolve(import.meta.dirname, '..', argument ?? '.output/firefox-mv3');

interface LinterMessage {
  code: string;
  message: string;
  file?: string;
}
interface LinterReport {
  summary: { errors: number; warnings: number; notices: number };
  errors: LinterMessage[];
  warnings: LinterMessage[];
}

async function main(): Promise<void> {
  if (!existsSync(target)) throw new Error(`${target} is missing: run \`npm run ${argument === '--package' ? 'zip' : 'build'}\` first`);
  const linter = resolve(import.meta.dirname, '../node_modules/.bin/addons-linter');
  // addons-linter exits non-zero when it finds errors; the JSON is on stdout either way.
  const { stdout } = await run(linter, ['--output', 'json', target], { maxBuffer: 32 * 1024 * 1024 }).catch(
    (error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }),
  );
  const report = JSON.parse(stdout) as LinterReport;
  for (const m of report.warnings) console.log(`warning ${m.code} ${m.file ?? ''}: ${m.message}`);
  for (const m of report.errors) console.log(`ERROR   ${m.code} ${m.file ?? ''}: ${m.message}`);
  const { errors, warnings, notices } = report.summary;
  console.log(`addons-linter on ${target}: ${errors} errors, ${warnings} warnings, ${notices} notices`);
  if (errors > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
