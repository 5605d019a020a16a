import { HOST_IDS } from '../../lib/hosts/supported-hosts';
import { DockPage } from './support/dock';
import { expect, test } from './support/extension';
import { HOST_SHELLS, serveHostPages, shellPages } from './support/host-pages';
import { pressWithOsKeyboard } from './support/os-keyboard';

// One after another: these tests move the X keyboard focus, which is shared
// by every browser window on the display.
test.describe.configure({ mode: 'serial' });

for (const host of HOST_IDS) {
  test(`the keyboard shortcut toggles the panel on ${host}`, async ({ page, extensionContext, background }) => {
    await serveHostPages(extensionContext, shellPages());
    // The toolbar popup adds Chromium's own `_execute_action` command (no shortcut); ours is found by name.
    const command = (await background.evaluate(() => chrome.commands.getAll())).find((c: { name?: string }) => c.name === 'toggle-panel');
    expect(command).toMatchObject({ name: 'toggle-panel', shortcut: 'Alt+Shift+S' });

    await page.goto(HOST_SHELLS[host].url);
    const dock = new DockPage(page, host);
    await expect(dock.frameElement).toBeVisible();

    await pressWithOsKeyboard(page, 'alt+shift+s');
    await expect(dock.wrapper).toHaveAttribute('data-open', 'false');
    await expect(dock.frameElement).toBeHidden();

    await pressWithOsKeyboard(page, 'alt+shift+s');
    await expect(dock.wrapper).toHaveAttribute('data-open', 'true');
    await expect(dock.frameElement).toBeVisible();
  });
}
