import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createIframeUi } from 'wxt/utils/content-script-ui/iframe';
import { HOST_LABELS, type HostId } from '../hosts/supported-hosts';
import { readDockOpen, writeDockOpen } from './dock-state';
import { hostTheme } from './host-theme';
import { TAB_CSS, applyStyles, iframeStyles, wrapperCollapsedStyles, wrapperOpenStyles } from './dock-styles';

/** The panel docked on the right edge of a host page. */
export interface Dock {
  readonly open: boolean;
  setOpen(open: boolean): Promise<boolean>;
  toggle(): Promise<boolean>;
}

export const DOCK_ATTRIBUTE = 'data-sidecar-dock';
export const PANEL_FRAME_ATTRIBUTE = 'data-sidecar-panel';

/**
 * Mounts the panel page in an iframe on the right edge of the host page.
 *
 * The panel is an extension page, so the host page's scripts cannot read what
 * it shows (`contentDocument` is null to them). The content script only places
 * the frame and draws the collapsed tab; it holds no account data.
 *
 * The wrapper carries a closed shadow root for the tab, and slots the iframe
 * so the frame stays a light-DOM child as `createIframeUi` made it.
 */
export async function mountDock(ctx: ContentScriptContext, host: HostId): Promise<Dock> {
  let open = await readDockOpen(host);
  // The host's stylesheets may still be loading at document end; its theme
  // is only known once the page has loaded.
  if (document.readyState !== 'complete') await new Promise((resolve) => window.addEventListener('load', resolve, { once: true }));
  const theme = hostTheme(document);
  let tab: HTMLButtonElement | undefined;

  const ui = createIframeUi(ctx, {
    // The query names the host for the panel's header and, when the page
    // paints its own background, its theme; WXT's type lists bare page paths
    // only, and `runtime.getURL` keeps the query as given.
    page: `/panel.html?host=${encodeURIComponent(host)}${theme ? `&theme=${theme}` : ''}` as '/panel.html',
    position: 'inline',
    anchor: 'body',
    onMount(wrapper, iframe) {
      wrapper.setAttribute(DOCK_ATTRIBUTE, host);
      iframe.setAttribute(PANEL_FRAME_ATTRIBUTE, host);
      iframe.title = 'Sidecar panel';
      applyStyles(iframe, iframeStyles);
      const shadow = wrapper.attachShadow({ mode: 'closed' });
      const style = document.createElement('style');
      style.textContent = TAB_CSS;
      tab = document.createElement('button');
      tab.type = 'button';
      tab.textContent = 'Sidecar';
      tab.setAttribute('aria-label', `Open the Sidecar panel in ${HOST_LABELS[host]}`);
      tab.addEventListener('click', () => void dock.setOpen(true));
      shadow.append(style, tab, document.createElement('slot'));
    },
  });

  const render = () => {
    const { wrapper, iframe } = ui;
    applyStyles(wrapper, open ? wrapperOpenStyles : wrapperCollapsedStyles);
    // display:none keeps the frame's document alive, so reopening is instant.
    iframe.style.setProperty('display', open ? 'block' : 'none', 'important');
    wrapper.setAttribute('data-open', String(open));
    if (tab) {
      tab.hidden = open;
      tab.setAttribute('aria-expanded', String(open));
    }
  };

  const dock: Dock = {
    get open() {
      return open;
    },
    async setOpen(next) {
      open = next;
      render();
      await writeDockOpen(host, next);
      return open;
    },
    toggle() {
      return dock.setOpen(!open);
    },
  };

  ui.mount();
  render();
  return dock;
}
