/**
 * Renders assets/brand/icon.svg to the PNG sizes the stores and browsers ask
 * for (public/icon/<size>.png, which WXT lists in the manifest). Run after
 * changing the SVG: `npx tsx scripts/render-icons.ts`. Uses Debian's Chromium.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { chromium } from '@playwright/test';

const ROOT = resolve(import.meta.dirname, '..');
const SIZES = [16, 32, 48, 96, 128];

async function main(): Promise<void> {
  const svg = await readFile(resolve(ROOT, 'assets/brand/icon.svg'), 'utf8');
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    for (const size of SIZES) {
      const page = await browser.newPage({ viewport: { width: size, height: size } });
      await page.setContent(`<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`);
      await page.screenshot({ path: resolve(ROOT, `public/icon/${size}.png`), omitBackground: true });
      await page.close();
    }
  } finally {
    await browser.close();
  }
  console.log(`rendered ${SIZES.join(', ')} px icons into public/icon/`);
}

void main();
