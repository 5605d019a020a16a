/**
 * Issue 8: from the host page's thread change to the account's name visible
 * in the panel, on the host fixtures, driving the built Chrome extension in
 * Debian's Chromium as the browser tests do (`npm run build:chrome` first).
 * Not part of `npm test`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineBenchmark } from './benchmark';
import { launchWithExtension } from '../tests/browser/support/extension';
import { fixturePage, navigateLikeTheHost, routeFor } from '../tests/browser/support/host-fixture-pages';
import { serveHostPages } from '../tests/browser/support/host-pages';
import { panelFrame } from '../tests/browser/support/panel-store';
import { clearAccounts, seedAdvocateAccount } from '../tests/browser/support/panel-records';

const ROUNDS = 21;

export default defineBenchmark({
  title: 'Panel latency in the browser (issue 8)',
  async run() {
    const profile = await mkdtemp(join(tmpdir(), 'sidecar-latency-'));
    const context = await launchWithExtension(profile, { headless: true });
    try {
      const inbox = fixturePage('gmail/inbox-2026-11-22');
      const thread = fixturePage('gmail/thread-2026-11-22');
      await serveHostPages(context, { ...routeFor(inbox), ...routeFor(thread) });
      // tsx (esbuild, keepNames) wraps named functions in `__name(...)`; the
      // functions this harness sends into the pages need that helper there.
      await context.addInitScript('globalThis.__name = (fn) => fn;');
      const page = await context.newPage();
      await page.goto(inbox.golden.url);
      const frame = await panelFrame(page, 'gmail');
      await clearAccounts(frame);
      await seedAdvocateAccount(frame, 'Acme Logistics', 'acme-logistics.com', []);
      const times: number[] = [];
      const contextTimes: number[] = [];
      for (let round = 0; round < ROUNDS + 2; round += 1) {
        await navigateLikeTheHost(page, inbox, 'hash');
        await frame.waitForSelector('[data-testid="idle"]');
        // The panel notes, on its own clock, the moment the subject and then
        // the account name appear; the page notes when its change was done.
        // Both are Date.now() on one machine, so no harness round trip is counted.
        await frame.evaluate(() => {
          const marks: { subject?: number; account?: number } = {};
          (window as unknown as { __marks: typeof marks }).__marks = marks;
          const observer = new MutationObserver(() => {
            if (!marks.subject && document.querySelector('[data-testid="context"] h2')?.textContent === 'Q4 business review agenda') marks.subject = Date.now();
            if (!marks.account && document.querySelector('[data-testid="account-name"]')?.textContent === 'Acme Logistics') {
              marks.account = Date.now();
              observer.disconnect();
            }
          });
          observer.observe(document.body, { childList: true, subtree: true, characterData: true });
        });
        const changedAt = await navigateLikeTheHost(page, thread, 'hash');
        await frame.waitForFunction(() => Boolean((window as unknown as { __marks: { account?: number } }).__marks.account));
        const marks = await frame.evaluate(() => (window as unknown as { __marks: { subject: number; account: number } }).__marks);
        const contextShown = marks.subject - changedAt;
        if (round >= 2) {
          times.push(marks.account - changedAt);
          contextTimes.push(contextShown);
        }
      }
      times.sort((a, b) => a - b);
      contextTimes.sort((a, b) => a - b);
      return [
        {
          name: 'thread change in Gmail to account name visible in the panel',
          value: times[Math.floor(times.length / 2)]!,
          unit: 'ms',
          target: 150,
          issue: 8,
          note: `median of ${ROUNDS} inbox→thread changes after 2 warm-ups (p90 ${times[Math.floor(times.length * 0.9)]!.toFixed(0)} ms); timed from the page's own clock at the end of its change to the panel's clock when the name appears (a MutationObserver in the panel)`,
        },
        {
          name: 'thread change in Gmail to the thread subject visible in the panel (before recognition)',
          value: contextTimes[Math.floor(contextTimes.length / 2)]!,
          unit: 'ms',
          note: 'same rounds: the part of the figure above spent reading the page and reaching the panel',
        },
      ];
    } finally {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    }
  },
});
