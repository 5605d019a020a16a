import { describe, expect, it } from 'vitest';
import { checkExtensionPackage, checkSourcesPackage, ICON_SIZES } from '../../scripts/package-checks';
import type { ZipEntry } from '../../scripts/zip-entries';

const entry = (name: string, content: string | Buffer): ZipEntry => ({ name, read: () => Buffer.from(content) });

/** The first bytes of a PNG of the given size: signature and IHDR, all the checker reads. */
function png(width: number, height = width): Buffer {
  const header = Buffer.alloc(24);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(header);
  header.writeUInt32BE(13, 8);
  header.write('IHDR', 12);
  header.writeUInt32BE(width, 16);
  header.writeUInt32BE(height, 20);
  return header;
}

const icons = Object.fromEntries(ICON_SIZES.map((size) => [String(size), `icon/${size}.png`]));
const manifest = (extra: object = {}) => entry('manifest.json', JSON.stringify({ name: 'Sidecar', description: 'Accounts beside the inbox.', icons, ...extra }));
const iconFiles = ICON_SIZES.map((size) => entry(`icon/${size}.png`, png(size)));

describe('a browser package', () => {
  it('passes with a name, a description and every icon at its size', () => {
    expect(checkExtensionPackage([manifest(), ...iconFiles], 'chrome')).toEqual([]);
  });

  it('names a missing icon size, a wrong-sized icon and a missing description', () => {
    const withoutDescription = entry('manifest.json', JSON.stringify({ name: 'Sidecar', icons: { ...icons, '96': undefined } }));
    const wrongSize = iconFiles.map((file) => (file.name === 'icon/48.png' ? entry(file.name, png(32)) : file));
    expect(checkExtensionPackage([withoutDescription, ...wrongSize], 'chrome')).toEqual([
      'the manifest has no description',
      'icon/48.png is 32×32, not 48×48',
      'the manifest lists no 96px icon',
    ]);
  });

  it('asks a Firefox package for its gecko id', () => {
    expect(checkExtensionPackage([manifest(), ...iconFiles], 'firefox')).toEqual(['the Firefox manifest has no gecko id']);
    expect(checkExtensionPackage([manifest({ browser_specific_settings: { gecko: { id: 'x@y' } } }), ...iconFiles], 'firefox')).toEqual([]);
  });
});

describe('the sources package', () => {
  const needed = ['package.json', 'package-lock.json', 'wxt.config.ts', 'tsconfig.json', 'entrypoints/background.ts'].map((name) => entry(name, '{}'));

  it('passes with what a reviewer needs to rebuild', () => {
    expect(checkSourcesPackage(needed)).toEqual([]);
  });

  it('refuses installed or built folders, dotfiles and secrets', () => {
    const jwt = `${Buffer.from('{"alg":"HS256"}').toString('base64url')}.${Buffer.from('{"role":"service_role"}').toString('base64url')}.c2lnbmF0dXJlLXNpZ25hdHVyZQ`;
    const problems = checkSourcesPackage([
      ...needed,
      entry('node_modules/react/index.js', ''),
      entry('.output/chrome-mv3/manifest.json', '{}'),
      entry('.env.local', 'X=1'),
      entry('lib/config.ts', `export const key = '${jwt}';`),
      entry('keys/store.pem', ''),
    ]);
    expect(problems).toEqual([
      'node_modules/react/index.js is under node_modules/',
      '.output/chrome-mv3/manifest.json is under .output/',
      '.env.local is a dotfile',
      'lib/config.ts holds what looks like a signed JWT',
      'keys/store.pem should not be in the sources',
    ]);
  });
});
