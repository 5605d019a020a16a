/**
 * The hosts Sidecar docks into, and the URL patterns that identify them.
 *
 * This list is the single source for the content scripts' `matches`, the
 * manifest's host permissions and the panel's web-accessible resources, so a
 * host is added or removed in exactly one place.
 */
export const HOST_IDS = ['gmail', 'outlook', 'google-calendar'] as const;

export type HostId = (typeof HOST_IDS)[number];

export const HOST_MATCHES: Record<HostId, readonly string[]> = {
  gmail: ['https://mail.google.com/*'],
  outlook: [
    'https://outlook.office.com/*',
    'https://outlook.office365.com/*',
    'https://outlook.live.com/*',
  ],
  'google-calendar': ['https://calendar.google.com/*'],
};

/** Human names, for the panel and the docs. */
export const HOST_LABELS: Record<HostId, string> = {
  gmail: 'Gmail',
  outlook: 'Outlook',
  'google-calendar': 'Google Calendar',
};

export const ALL_HOST_MATCHES: readonly string[] = HOST_IDS.flatMap((id) => HOST_MATCHES[id]);

export function isHostId(value: unknown): value is HostId {
  return typeof value === 'string' && (HOST_IDS as readonly string[]).includes(value);
}

/**
 * Which supported host a URL belongs to, or `undefined`.
 * Compares origins rather than running a glob so a look-alike such as
 * `https://mail.google.com.evil.example/` never matches.
 */
export function hostIdForUrl(url: string | undefined): HostId | undefined {
  if (!url) return undefined;
  let origin: string;
  try {
    origin = new URL(url).origin;
  } catch {
    return undefined;
  }
  return HOST_IDS.find((id) => HOST_MATCHES[id].some((pattern) => pattern.slice(0, -2) === origin));
}
