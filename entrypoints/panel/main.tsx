// First: configures zod before any schema is built (see the module).
import '@/lib/zod-jitless';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { PanelShell } from '@/components/panel/PanelShell';
import { isHostId } from '@/lib/hosts/supported-hosts';
import '@/assets/tailwind.css';
import { applyPanelTheme } from './theme';

// The content script names its host in the frame's URL; anything else means
// the page was opened some other way, and the panel shows no host label.
const params = new URLSearchParams(location.search);
applyPanelTheme(params);
const hostParam = params.get('host');
const host = isHostId(hostParam) ? hostParam : undefined;

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <PanelShell host={host} />
    </StrictMode>,
  );
}
