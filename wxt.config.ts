import tailwindcss from '@tailwindcss/vite';
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
  vite: () => ({ plugins: [tailwindcss()] }),
  manifest: ({ browser }) => ({
    name: 'Sidecar',
    description:
      'See which customer account a thread or meeting is about, and whether its renewal or expansion stage is backed by evidence.',
    permissions: ['storage'],
    host_permissions: [...ALL_HOST_MATCHES],
    web_accessible_resources: [{ resources: ['panel.html'], matches: [...ALL_HOST_MATCHES] }],
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
