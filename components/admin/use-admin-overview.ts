import { useCallback, useEffect, useState } from 'react';
import { askAdmin } from '@/lib/admin/ask-admin';
import type { AdminOverview } from '@/lib/admin/admin-values';
import type { AdminError } from '@/lib/messaging/admin-messages';

export type OverviewState = { status: 'loading' } | { status: 'error'; error: AdminError } | { status: 'ready'; overview: AdminOverview };

/** The organization as the admin page shows it, read again after every change. */
export function useAdminOverview(): { state: OverviewState; reload: () => Promise<void> } {
  const [state, setState] = useState<OverviewState>({ status: 'loading' });
  const reload = useCallback(async () => {
    const answer = await askAdmin({ type: 'admin.overview' });
    setState(answer.ok ? { status: 'ready', overview: answer.value } : { status: 'error', error: answer.error });
  }, []);
  useEffect(() => void reload(), [reload]);
  return { state, reload };
}
