import { DOCK_Z_INDEX, MIN_HOST_VISIBLE_PX, PANEL_WIDTH_PX, TAB_BOTTOM_PX, TAB_HEIGHT_PX, TAB_WIDTH_PX } from './geometry';

/**
 * Inline `!important` styles: the host page's stylesheets cannot override
 * them, whatever selectors Gmail or Outlook ship next week.
 */
export function applyStyles(element: HTMLElement, styles: Record<string, string>): void {
  for (const [property, value] of Object.entries(styles)) element.style.setProperty(property, value, 'important');
}

const common = {
  all: 'initial',
  position: 'fixed',
  'z-index': String(DOCK_Z_INDEX),
  display: 'block',
  margin: '0',
  padding: '0',
  border: '0',
};

export const wrapperOpenStyles: Record<string, string> = {
  ...common,
  top: '0',
  right: '0',
  bottom: 'auto',
  width: `min(${PANEL_WIDTH_PX}px, calc(100vw - ${MIN_HOST_VISIBLE_PX}px))`,
  height: '100vh',
  'box-shadow': '-2px 0 12px rgba(15, 23, 42, 0.18)',
};

export const wrapperCollapsedStyles: Record<string, string> = {
  ...common,
  top: 'auto',
  right: '0',
  bottom: `${TAB_BOTTOM_PX}px`,
  width: `${TAB_WIDTH_PX}px`,
  height: `${TAB_HEIGHT_PX}px`,
  'box-shadow': 'none',
};

export const iframeStyles: Record<string, string> = {
  all: 'initial',
  display: 'block',
  width: '100%',
  height: '100%',
  border: '0',
  margin: '0',
  padding: '0',
  'color-scheme': 'normal',
  background: 'transparent',
};

/** Styles of the collapsed tab, inside the dock's closed shadow root. */
export const TAB_CSS = `
  :host { all: initial; }
  button {
    all: initial;
    box-sizing: border-box;
    display: flex;
    align-items: center;
    justify-content: center;
    width: ${TAB_WIDTH_PX}px;
    height: ${TAB_HEIGHT_PX}px;
    border-radius: 8px 0 0 8px;
    background: #4338ca;
    color: #ffffff;
    font: 600 11px/1 system-ui, sans-serif;
    letter-spacing: 0.06em;
    writing-mode: vertical-rl;
    cursor: pointer;
    box-shadow: -1px 1px 6px rgba(15, 23, 42, 0.3);
  }
  button:hover { background: #3730a3; }
  button:focus-visible { outline: 2px solid #f59e0b; outline-offset: 1px; }
  button[hidden] { display: none; }
`;
