import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { DashboardApp } from '@/components/dashboard/DashboardApp';
import type { OpenedStream } from '@/lib/dashboard-data/stream-port';
import { applyPanelTheme } from '../panel/theme';

/** The dashboard's React app, loaded by main.tsx once the data has been asked for. */
export function mountDashboard(early: Promise<OpenedStream | null>) {
  performance.mark('dashboard:app-loaded');
  // The system's light or dark theme, following later changes (no host page here).
  applyPanelTheme(new URLSearchParams());
  const root = document.getElementById('root');
  if (!root) return;
  createRoot(root).render(
    <StrictMode>
      <DashboardApp early={early} />
    </StrictMode>,
  );
}
