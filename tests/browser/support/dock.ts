import type { Locator, Page } from '@playwright/test';
import type { HostId } from '../../../lib/hosts/supported-hosts';

/** Page object for the docked panel, as a user of the host page meets it. */
export class DockPage {
  constructor(private readonly page: Page, readonly host: HostId) {}

  get wrapper(): Locator {
    return this.page.locator(`[data-sidecar-dock="${this.host}"]`);
  }

  get frameElement(): Locator {
    return this.page.locator(`iframe[data-sidecar-panel="${this.host}"]`);
  }

  get panel() {
    return this.page.frameLocator(`iframe[data-sidecar-panel="${this.host}"]`);
  }

  async isOpen(): Promise<boolean> {
    return (await this.wrapper.getAttribute('data-open')) === 'true';
  }

  /** Collapses with the panel's own button, as a CSM would. */
  async collapseByClick(): Promise<void> {
    await this.panel.getByRole('button', { name: 'Collapse the Sidecar panel' }).click();
  }

  /**
   * Clicks the collapsed tab. The tab lives in a closed shadow root (the host
   * page cannot restyle or script it), so the test clicks where a person
   * would: the middle of the tab on screen.
   */
  async expandByClickingTab(): Promise<void> {
    const box = await this.wrapper.boundingBox();
    if (!box) throw new Error('the collapsed tab is not on screen');
    await this.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  }
}
