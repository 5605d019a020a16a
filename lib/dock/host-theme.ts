/**
 * Whether the host page is in a dark or light theme, from its background, so
 * the panel can match Gmail's or Outlook's dark mode (which does not always
 * follow the system setting). `undefined` when the page paints no background
 * of its own: then the panel follows the system setting.
 */
export type HostTheme = 'dark' | 'light';

export function themeOfColor(color: string): HostTheme | undefined {
  const channels = /^rgba?\(([^)]+)\)$/.exec(color.trim())?.[1]?.split(/[\s,/]+/).filter(Boolean).map(Number);
  if (!channels || channels.length < 3 || channels.some(Number.isNaN)) return undefined;
  const [r, g, b, alpha = 1] = channels as [number, number, number, number?];
  if (alpha === 0) return undefined;
  // Relative luminance (sRGB, approximate): dark below the midpoint.
  const luminance = (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
  return luminance < 0.5 ? 'dark' : 'light';
}

export function hostTheme(doc: Document): HostTheme | undefined {
  const view = doc.defaultView;
  if (!view) return undefined;
  for (const element of [doc.body, doc.documentElement]) {
    if (!element) continue;
    const theme = themeOfColor(view.getComputedStyle(element).backgroundColor);
    if (theme) return theme;
  }
  return undefined;
}
