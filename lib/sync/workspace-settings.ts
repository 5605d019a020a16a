import { z } from 'zod';
import { browser } from 'wxt/browser';

/**
 * Where the team's Supabase project is: its URL and publishable (anon) key.
 * Set at build time (`WXT_SUPABASE_URL`, `WXT_SUPABASE_ANON_KEY`) or on the
 * options page, which also asks for the host permission of exactly that
 * origin. The key is public by design (row-level security guards the data).
 */
export const WorkspaceSettings = z.strictObject({
  url: z
    .url({ protocol: /^https?$/, message: 'Enter the project URL, such as https://abcd.supabase.co' })
    .max(500)
    .refine((value) => {
      const url = new URL(value);
      return url.protocol === 'https:' || url.hostname === '127.0.0.1' || url.hostname === 'localhost';
    }, 'The project URL must use https:// (http:// only for a local project on this computer)')
    .transform((value) => new URL(value).origin),
  anon_key: z.string().trim().min(20, 'Paste the project’s publishable (anon) key').max(2000),
});
export type WorkspaceSettings = z.infer<typeof WorkspaceSettings>;

const SETTINGS_KEY = 'sidecar.workspace';

/** The build's defaults, if it was built for one team. */
export function buildTimeSettings(env: Record<string, string | undefined> = import.meta.env): WorkspaceSettings | null {
  const parsed = WorkspaceSettings.safeParse({ url: env.WXT_SUPABASE_URL, anon_key: env.WXT_SUPABASE_ANON_KEY });
  return parsed.success ? parsed.data : null;
}

export async function readWorkspaceSettings(): Promise<WorkspaceSettings | null> {
  const stored = (await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY];
  const parsed = WorkspaceSettings.safeParse(stored);
  return parsed.success ? parsed.data : buildTimeSettings();
}

/** Whether the settings in use were saved on the options page or built in; `null` when there are none. */
export async function workspaceSettingsSource(): Promise<'saved' | 'build' | null> {
  const stored = WorkspaceSettings.safeParse((await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]);
  if (stored.success) return 'saved';
  return buildTimeSettings() ? 'build' : null;
}

export async function saveWorkspaceSettings(settings: WorkspaceSettings): Promise<void> {
  await browser.storage.local.set({ [SETTINGS_KEY]: WorkspaceSettings.parse(settings) });
}

/** The optional host permission a workspace needs: its origin, nothing broader. */
export function originPattern(settings: WorkspaceSettings): string {
  return `${settings.url}/*`;
}
