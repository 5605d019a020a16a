import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, transform } from 'esbuild';
import { CONTENT_SCRIPT_BUDGET_BYTES } from '../scripts/content-script-size';
import { type BenchResult, defineBenchmark } from './benchmark';

/**
 * What a CSM's Gmail tab downloads and parses for Sidecar, against the
 * same job done on InboxSDK: Sidecar's whole Gmail content script (the
 * built file, gzipped) beside a minimal InboxSDK integration that reads each
 * open thread's participants (bench/gmail-size/inboxsdk-integration.ts),
 * bundled by esbuild for production and gzipped the same way. Also every
 * content script against issue #2's 15 KB budget.
 */
const ROOT = resolve(import.meta.dirname, '..');
const CHROME_BUILD = resolve(ROOT, '.output/chrome-mv3');
const INBOXSDK_VERSION = (JSON.parse(readFileSync(resolve(ROOT, 'node_modules/@inboxsdk/core/package.json'), 'utf8')) as { version: string }).version;
/** InboxSDK injects this file into Gmail's own page world at run time; an extension using the SDK ships it. */
const INBOXSDK_PAGE_WORLD = resolve(ROOT, 'node_modules/@inboxsdk/core/pageWorld.js');

/** gzip at level 9, as scripts/content-script-size.ts measures. */
const gzipKB = (code: string | Buffer) => gzipSync(code, { level: 9 }).length / 1024;

async function inboxSdkBundle(): Promise<string> {
  const result = await build({
    entryPoints: [resolve(import.meta.dirname, 'gmail-size/inboxsdk-integration.ts')],
    bundle: true,
    minify: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    define: { 'process.env.NODE_ENV': '"production"' },
    legalComments: 'none',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

export default defineBenchmark({
  title: 'Gmail integration size: Sidecar against InboxSDK (issues #2, #10)',
  async run() {
    // `npm run bench` may run on a clean clone: build what it measures.
    if (!existsSync(resolve(CHROME_BUILD, 'content-scripts/gmail.js'))) execFileSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'ignore' });
    const results: BenchResult[] = [];
    for (const host of ['gmail', 'outlook', 'google-calendar']) {
      const kb = gzipKB(readFileSync(resolve(CHROME_BUILD, `content-scripts/${host}.js`)));
      results.push({ name: `${host} content script, gzipped`, value: kb, unit: 'KB', target: CONTENT_SCRIPT_BUDGET_BYTES / 1024, issue: 2, note: `.output/chrome-mv3/content-scripts/${host}.js, gzip -9, everything the tab loads for Sidecar` });
    }
    const sidecar = results[0]!.value;
    const bundle = await inboxSdkBundle();
    const sdk = gzipKB(bundle);
    // The package ships it unminified; minified here, as a release would ship it.
    const pageWorld = gzipKB((await transform(readFileSync(INBOXSDK_PAGE_WORLD, 'utf8'), { minify: true, legalComments: 'none', target: 'chrome120' })).code);
    const how = `@inboxsdk/core ${INBOXSDK_VERSION}, bench/gmail-size/inboxsdk-integration.ts bundled by esbuild (minified, production, iife), gzip -9`;
    results.push({ name: 'InboxSDK minimal Gmail integration: content script, gzipped', value: sdk, unit: 'KB', note: `${how}; ${(bundle.length / 1024).toFixed(0)} KB before gzip` });
    results.push({ name: 'InboxSDK: pageWorld.js it injects into the Gmail page, gzipped', value: pageWorld, unit: 'KB', note: '@inboxsdk/core/pageWorld.js minified by esbuild, gzip -9; the SDK loads it into the page world of every Gmail tab' });
    results.push({ name: 'InboxSDK: content script + pageWorld.js, gzipped', value: sdk + pageWorld, unit: 'KB', note: 'what a Gmail tab loads for the InboxSDK integration' });
    results.push({ name: 'Sidecar gmail content script / InboxSDK content script + pageWorld.js', value: sidecar / (sdk + pageWorld), unit: 'ratio', note: 'below 1: Sidecar is smaller' });
    return results;
  },
});
