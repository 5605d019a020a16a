/**
 * The keyboard shortcut that shows or hides the panel. Declared once: the
 * manifest's `commands` entry and the panel's tooltip both read it. A CSM can
 * rebind it in the browser's shortcut settings.
 */
export const TOGGLE_PANEL_COMMAND = 'toggle-panel';
export const TOGGLE_PANEL_SHORTCUT = 'Alt+Shift+S';
