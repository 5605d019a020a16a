import { resolve } from 'node:path';
import { test } from '../support/extension';
import { README_SHOTS, SHOT_VIEWPORT } from './readme-shots';

/** Takes every README picture (run with `npm run screenshots`; not part of `npm test`). */
const OUT = resolve(import.meta.dirname, '../../../docs/screenshots');

for (const shot of README_SHOTS) {
  test(`${shot.file}: ${shot.title}`, async ({ page, extensionContext, extensionId }) => {
    test.setTimeout(60_000);
    await page.setViewportSize(SHOT_VIEWPORT);
    // Light theme, whatever the machine prefers, so the pictures do not change with it.
    await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
    const subject = await shot.show({ page, extensionContext, extensionId });
    await subject.screenshot({ path: resolve(OUT, shot.file), animations: 'disabled', caret: 'hide' });
  });
}
