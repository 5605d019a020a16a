import tailwindcss from '@tailwindcss/vite';
import type { InlineConfig } from 'vite';
import { defineConfig } from 'wxt';
import { TOGGLE_PANEL_COMMAND, TOGGLE_PANEL_SHORTCUT } from './lib/dock/shortcut';
import { ALL_HOST_MATCHES } from './lib/hosts/supported-hosts';

// The manifest is the extension's promise to the people who install it. Every
// permission here is listed, with its reason, in ARCHITECTURE.md, and
// tests/unit/manifest.test.ts fails when the two disagree.
export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  // MV3 everywhere: Firefox's MV3 supports `matches` on web-accessible
  // resources, so the panel page is exposed to the supported hosts only.
  manifestVersion: 3,
  // SIDECAR_UNMINIFIED=1 keeps function names, for reading CPU profiles of the
  // built worker (bench/sync/profile-browser-pull.ts); releases are minified.
  vite: () => ({ plugins: [tailwindcss()], ...(process.env.SIDECAR_UNMINIFIED === '1' ? { build: { minify: false } } : {}) }),
  // `npm run zip`: WXT leaves out node_modules, .output, dotfiles (.env) and
  // test files; these are what test runs leave behind and the README's
  // pictures, none of which a reviewer needs to rebuild the extension.
  // scripts/check-packages.ts checks the result.
  zip: {
    excludeSources: ['test-results/**', 'playwright-report/**', 'blob-report/**', 'stats.html', '**/*.log', 'docs/screenshots/**'],
  },
  hooks: {
    // Content scripts use the browser's native promise API (every MV3 target
    // has it) instead of webextension-polyfill: the polyfill would take a
    // fifth of their 15 KB budget. Pages and the background keep it.
    'vite:build:extendConfig': (entrypoints, viteConfig) => {
      if (entrypoints.every((entrypoint) => entrypoint.type === 'content-script')) withoutPolyfill(viteConfig);
    },
  },
  manifest: ({ browser }) => ({
    name: 'Sidecar',
    description:
      'See which customer account a thread or meeting is about, and whether its renewal or expansion stage is backed by evidence.',
    permissions: ['storage', 'alarms', 'identity'],
    // The team's Supabase origin is asked for at run time, for exactly the
    // configured project (lib/sync/workspace-settings.ts `originPattern`).
    optional_host_permissions: ['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*'],
    host_permissions: [...ALL_HOST_MATCHES],
    web_accessible_resources: [{ resources: ['panel.html'], matches: [...ALL_HOST_MATCHES] }],
    // Only the extension's own packaged scripts run: no eval, no remote code,
    // no plugins (stricter than Chrome's MV3 default, which allows
    // 'wasm-unsafe-eval'). Checked against ARCHITECTURE.md by the manifest test.
    content_security_policy: { extension_pages: "script-src 'self'; object-src 'self'" },
    commands: {
      [TOGGLE_PANEL_COMMAND]: {
        suggested_key: { default: TOGGLE_PANEL_SHORTCUT },
        description: 'Show or hide the Sidecar panel',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'sidecar@sidecar-extension',
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});

/** Drops the `wxt/browser` → polyfill alias that @wxt-dev/webextension-polyfill adds. */
function withoutPolyfill(viteConfig: InlineConfig): void {
  const alias = viteConfig.resolve?.alias;
  const isPolyfill = (find: unknown, replacement: unknown) =>
    find === 'wxt/browser' && String(replacement).includes('webextension-polyfill');
  if (Array.isArray(alias)) {
    viteConfig.resolve!.alias = alias.filter((entry: { find: unknown; replacement: unknown }) => !isPolyfill(entry.find, entry.replacement));
  } else if (alias && typeof alias === 'object') {
    const record = alias as Record<string, string>;
    for (const find of Object.keys(record)) if (isPolyfill(find, record[find])) delete record[find];
  }
}
