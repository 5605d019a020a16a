/**
 * Puts the panel in the host page's theme when the content script could tell
 * it (`?theme=dark|light`), else in the system's, following later changes
 * of the system setting.
 */
export function applyPanelTheme(params: URLSearchParams): void {
  const fromHost = params.get('theme');
  const root = document.documentElement;
  if (fromHost === 'dark' || fromHost === 'light') {
    root.classList.toggle('dark', fromHost === 'dark');
    return;
  }
  const system = matchMedia('(prefers-color-scheme: dark)');
  root.classList.toggle('dark', system.matches);
  system.addEventListener('change', (event) => root.classList.toggle('dark', event.matches));
}
