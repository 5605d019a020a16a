import type { ZipEntry } from './zip-entries';

/**
 * What a store package and its sources ZIP must hold, as pure checks over a
 * ZIP's entries: each returns the problems it finds (none when all is well).
 */

/** The icon sizes the stores ask for: Chrome 16/32/48/128, Firefox 48/96. */
export const ICON_SIZES = [16, 32, 48, 96, 128] as const;

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

interface Manifest {
  name?: string;
  description?: string;
  icons?: Record<string, string>;
  browser_specific_settings?: { gecko?: { id?: string } };
}

export function checkExtensionPackage(entries: ZipEntry[], browser: 'chrome' | 'firefox'): string[] {
  const byName = new Map(entries.map((entry) => [entry.name, entry]));
  const manifestEntry = byName.get('manifest.json');
  if (!manifestEntry) return ['no manifest.json at the root of the package'];
  const manifest = JSON.parse(manifestEntry.read().toString('utf8')) as Manifest;
  const problems: string[] = [];
  if (!manifest.name?.trim()) problems.push('the manifest has no name');
  // The Chrome Web Store refuses descriptions over 132 characters.
  if (!manifest.description?.trim()) problems.push('the manifest has no description');
  else if (manifest.description.length > 132) problems.push(`the description is ${manifest.description.length} characters; stores allow 132`);
  for (const size of ICON_SIZES) {
    const path = manifest.icons?.[String(size)];
    if (!path) {
      problems.push(`the manifest lists no ${size}px icon`);
      continue;
    }
    const icon = byName.get(path);
    if (!icon) {
      problems.push(`the ${size}px icon ${path} is not in the package`);
      continue;
    }
    const png = icon.read();
    if (!png.subarray(0, 8).equals(PNG_SIGNATURE)) problems.push(`${path} is not a PNG`);
    else if (png.readUInt32BE(16) !== size || png.readUInt32BE(20) !== size) {
      problems.push(`${path} is ${png.readUInt32BE(16)}×${png.readUInt32BE(20)}, not ${size}×${size}`);
    }
  }
  if (browser === 'firefox' && !manifest.browser_specific_settings?.gecko?.id) problems.push('the Firefox manifest has no gecko id');
  const maps = entries.filter((entry) => entry.name.endsWith('.map'));
  if (maps.length > 0) problems.push(`source maps in the package: ${maps.map((m) => m.name).join(', ')}`);
  return problems;
}

/** Folders that are built, installed or produced by test runs: never sources. */
const NOT_SOURCES = ['node_modules', '.output', '.wxt', 'test-results', 'playwright-report', 'blob-report'];
/** Files a reviewer needs to rebuild the extension from the sources ZIP. */
const NEEDED_TO_REBUILD = ['package.json', 'package-lock.json', 'wxt.config.ts', 'tsconfig.json'];
/** What a leaked secret looks like: a private key, a signed token (e.g. a Supabase service key), a Supabase secret key. */
const SECRET_PATTERNS: [string, RegExp][] = [
  ['a private key', /-----BEGIN [A-Z ]*PRIVATE KEY-----/],
  ['a signed JWT', /eyJ[\w-]{10,}\.eyJ[\w-]{10,}\.[\w-]{10,}/],
  ['a Supabase secret key', /sb_secret_[\w-]{10,}/],
];

export function checkSourcesPackage(entries: ZipEntry[]): string[] {
  const problems: string[] = [];
  const names = new Set(entries.map((entry) => entry.name));
  for (const needed of NEEDED_TO_REBUILD) if (!names.has(needed)) problems.push(`${needed} is missing from the sources`);
  if (![...names].some((name) => name.startsWith('entrypoints/'))) problems.push('entrypoints/ is missing from the sources');
  for (const entry of entries) {
    const segments = entry.name.split('/');
    const excluded = segments.find((segment) => NOT_SOURCES.includes(segment));
    if (excluded) problems.push(`${entry.name} is under ${excluded}/`);
    // Dotfiles hold local settings and secrets (.env, .npmrc, .git).
    else if (segments.some((segment) => segment.startsWith('.'))) problems.push(`${entry.name} is a dotfile`);
    else if (/\.(pem|key|p12|pfx|crx|xpi|zip)$/i.test(entry.name)) problems.push(`${entry.name} should not be in the sources`);
    else {
      const text = entry.read().toString('utf8');
      for (const [what, pattern] of SECRET_PATTERNS) if (pattern.test(text)) problems.push(`${entry.name} holds what looks like ${what}`);
    }
  }
  return problems;
}
