import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Page } from '@playwright/test';

const run = promisify(execFile);

/**
 * Presses keys through the X server, as a person's keyboard does.
 *
 * Extension shortcuts (the commands API) are handled by the browser's own
 * accelerator layer, which ignores key events injected over CDP (Playwright's
 * `page.keyboard`), headless or not. So the shortcut tests run Chromium with a
 * window on Xvfb and type with xdotool. The window is found by a unique title
 * because two workers may each have a browser window on the same display.
 */
export async function pressWithOsKeyboard(page: Page, keys: string): Promise<void> {
  if (!process.env.DISPLAY) {
    throw new Error('This test types through the X server: run it with `npm run test:browser` (Xvfb + xdotool).');
  }
  const title = `sidecar-keyboard-${process.pid}-${Date.now()}`;
  const original = await page.title();
  await page.evaluate((t) => (document.title = t), title);
  await page.bringToFront();
  try {
    const window = await findWindow(title);
    await run('xdotool', ['windowfocus', '--sync', window]);
    await run('xdotool', ['key', '--clearmodifiers', keys]);
  } finally {
    await page.evaluate((t) => (document.title = t), original);
  }
}

/**
 * The X window showing `title`. xdotool's search walks every window, and
 * fails with BadWindow when another worker closes one mid-walk, so a failed
 * or empty search is simply tried again for a while.
 */
async function findWindow(title: string): Promise<string> {
  const deadline = Date.now() + 5_000;
  while (Date.now() < deadline) {
    const found = await run('xdotool', ['search', '--name', title]).then(
      ({ stdout }) => stdout.trim().split('\n').at(-1),
      () => undefined,
    );
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no X window titled ${title}`);
}
