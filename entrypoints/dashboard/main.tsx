// First: configures zod before any schema is built (see the module).
import '@/lib/zod-jitless';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { DashboardApp } from '@/components/dashboard/DashboardApp';
import { applyPanelTheme } from '../panel/theme';
import '@/assets/tailwind.css';

// For the page benchmark (bench/dashboard-page.bench.ts): navigation start → the bundle runs.
performance.mark('dashboard:script-start');
// The system's light or dark theme, following later changes (no host page here).
applyPanelTheme(new URLSearchParams());
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <DashboardApp />
    </StrictMode>,
  );
}
