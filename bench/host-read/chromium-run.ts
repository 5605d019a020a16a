import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { type Browser, chromium, type Page } from 'playwright-core';
import { type HostFixture, readFixtureHtml, readGolden } from '../../tests/support/host-fixtures';
import type { FixtureFigures } from './happy-dom-run';
import { mutationBurst } from './mutation-burst';

export const CHROMIUM = '/usr/bin/chromium';
const require = createRequire(import.meta.url);

/**
 * The figures that matter, in a real browser: Debian's Chromium, headless,
 * with the adapters bundled as content scripts would run them. Chromium
 * coarsens `performance.now()` to 0.1 ms, so each sample times a batch of
 * reads and divides.
 */
export async function withChromium<T>(run: (session: ChromiumSession) => Promise<T>): Promise<T | undefined> {
  if (!existsSync(CHROMIUM)) return undefined;
  const bundle = await build({ entryPoints: [resolve(import.meta.dirname, 'browser-entry.ts')], bundle: true, format: 'iife', write: false, target: 'chrome120', minify: true });
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update'] });
  try {
    return await run(new ChromiumSession(browser, bundle.outputFiles[0]!.text));
  } finally {
    await browser.close();
  }
}

export class ChromiumSession {
  constructor(
    private readonly browser: Browser,
    private readonly sidecarScript: string,
  ) {}

  private async open(fixture: HostFixture, extraScripts: string[] = []): Promise<Page> {
    const page = await this.browser.newPage();
    // Fixtures reference avatars and icons on Google's and Microsoft's hosts; nothing may leave the machine.
    await page.route('**/*', (route) => route.abort());
    await page.setContent(readFixtureHtml(fixture), { waitUntil: 'domcontentloaded' });
    // tsx compiles this file with esbuild's keepNames, which wraps functions in
    // `__name(...)`; functions serialised into the page need that helper there.
    const keepNamesShim = 'globalThis.__name = (fn) => fn;';
    for (const content of [keepNamesShim, this.sidecarScript, ...extraScripts]) await page.addScriptTag({ content });
    return page;
  }

  async measure(fixture: HostFixture): Promise<FixtureFigures> {
    const { url } = readGolden(fixture);
    const page = await this.open(fixture);
    try {
      const figures = await page.evaluate(
        async ({ host, url, burstSource }) => {
          type Adapter = { read(root: ParentNode, url: string): unknown; watchAttributes: string[] };
          const { adapters, watchHostContext } = (globalThis as unknown as { __sidecarHosts: { adapters: Record<string, Adapter>; watchHostContext: (o: object) => void } }).__sidecarHosts;
          const burst = new Function(`return (${burstSource})`)() as (doc: Document, attribute: string) => void;
          const adapter = adapters[host]!;
          const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
          const batch = 50;
          const readTimes: number[] = [];
          for (let s = 0; s < 41; s += 1) {
            const start = performance.now();
            for (let i = 0; i < batch; i += 1) adapter.read(document, url);
            if (s > 2) readTimes.push((performance.now() - start) / batch);
          }
          // The watcher's scripting time is its observer callback (plus any read it
          // triggers): time that callback directly by wrapping the constructor it uses.
          let spent = 0;
          const Native = MutationObserver;
          (globalThis as unknown as { MutationObserver: unknown }).MutationObserver = class extends Native {
            constructor(callback: MutationCallback) {
              super((records, observer) => {
                const start = performance.now();
                callback(records, observer);
                spent += performance.now() - start;
              });
            }
          };
          let reads = 0;
          const controller = new AbortController();
          const counted = { ...adapter, read: (r: ParentNode, u: string) => { const start = performance.now(); reads += 1; const result = adapter.read(r, u); spent += performance.now() - start; return result; } };
          watchHostContext({ adapter: counted, root: document, getUrl: () => url, signal: controller.signal, onContext: () => {} });
          (globalThis as unknown as { MutationObserver: unknown }).MutationObserver = Native;
          reads = 0;
          const perBurst: number[] = [];
          for (let s = 0; s < 25; s += 1) {
            spent = 0;
            burst(document, adapter.watchAttributes[0] ?? 'title');
            // Observer callbacks run at the microtask checkpoint after the burst;
            // a timer lets any read the burst scheduled happen and be counted.
            await new Promise((r) => setTimeout(r, 60));
            if (s > 2) perBurst.push(spent);
          }
          controller.abort();
          const watcherMsPer1000 = median(perBurst);
          return { readMs: median(readTimes), watcherMsPer1000, readsDuringBursts: reads };
        },
        { host: fixture.host, url, burstSource: mutationBurst.toString() },
      );
      return { name: fixture.name, ...figures };
    } finally {
      await page.close();
    }
  }

  /** Our Gmail read against gmail.js (`new Gmail($).dom.email(el).from()/.to()` for every message) on the same page. */
  async compareWithGmailJs(fixture: HostFixture): Promise<{ oursMs: number; gmailJsMs: number; messages: number; senders: number; recipients: number }> {
    const { url } = readGolden(fixture);
    const scripts = [readFileSync(require.resolve('jquery'), 'utf8'), readFileSync(require.resolve('gmail-js'), 'utf8')];
    const page = await this.open(fixture, scripts);
    try {
      return await page.evaluate((url) => {
        type Email = { from(): { email?: string }; to(): { email?: string }[] };
        const g = globalThis as unknown as { Gmail: new ($: unknown) => { dom: { email(el: Element): Email } }; jQuery: unknown; __sidecarHosts: { adapters: { gmail: { read(root: ParentNode, url: string): unknown } } } };
        const gmailJs = new g.Gmail(g.jQuery);
        const ours = g.__sidecarHosts.adapters.gmail;
        const viaGmailJs = () => [...document.querySelectorAll('div.adn')].map((el) => {
          const email = gmailJs.dom.email(el);
          return { from: email.from().email, to: email.to().map((t) => t.email) };
        });
        // Interleaved batches, so load from other processes hits both alike.
        const batch = (fn: () => unknown) => {
          const start = performance.now();
          for (let i = 0; i < 50; i += 1) fn();
          return (performance.now() - start) / 50;
        };
        const oursTimes: number[] = [];
        const theirTimes: number[] = [];
        for (let s = 0; s < 61; s += 1) {
          const a = batch(() => ours.read(document, url));
          const b = batch(viaGmailJs);
          if (s > 4) oursTimes.push(a), theirTimes.push(b);
        }
        const median = (values: number[]) => values.sort((x, y) => x - y)[Math.floor(values.length / 2)]!;
        const sample = viaGmailJs();
        return {
          oursMs: median(oursTimes),
          gmailJsMs: median(theirTimes),
          messages: sample.length,
          senders: sample.filter((m) => m.from).length,
          recipients: sample.reduce((n, m) => n + m.to.length, 0),
        };
      }, url);
    } finally {
      await page.close();
    }
  }
}
