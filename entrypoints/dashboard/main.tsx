// First: configures zod before any schema is built (see the module).
import '@/lib/zod-jitless';
import { hasKeptRead } from '@/lib/dashboard-data/handoff';
import { openDashboardStream } from '@/lib/dashboard-data/stream-port';
import '@/assets/tailwind.css';

// For the page benchmark (bench/dashboard-page.bench.ts): navigation start → the bundle runs.
performance.mark('dashboard:script-start');

// With no read kept, the data is asked for before the rest of the page's script
// loads, so the background reads the workspace meanwhile. With one kept, the
// kept figures are painted first and the new read is asked for after them (use-dashboard-data.ts).
const early = hasKeptRead()
  .then((kept) => {
    if (kept) return null;
    performance.mark('dashboard:ask');
    return openDashboardStream();
  })
  .catch(() => null);

void import('./app').then(({ mountDashboard }) => mountDashboard(early));
