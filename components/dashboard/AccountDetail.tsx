import { useEffect, useRef } from 'react';
import type { PreparedDashboard } from '@/lib/dashboard';
import type { DashboardMember } from '@/lib/dashboard-data/loaded';
import { OPPORTUNITY_TYPE_LABELS } from '@/lib/forms/labels';
import { CRITERIA_BY_ID } from '@/lib/pipeline/criteria';
import { EVIDENCE_STAGE_LABELS, STAGE_LABELS } from '@/lib/pipeline/stages';
import { money } from './format';

/**
 * An account opened from a row: owner, ARR, renewal, and each opportunity with
 * its declared and evidence stage and the evidence it still misses, from the
 * same assessment the views counted. A modal dialog: focus moves in, Escape or
 * Close returns it to the row.
 */
export function AccountDetail(props: { accountId: string; prepared: PreparedDashboard; members: readonly DashboardMember[]; onClose: () => void }) {
  const close = useRef<HTMLButtonElement>(null);
  const account = props.prepared.accounts.find((a) => a.account.id === props.accountId);
  useEffect(() => {
    const returnTo = document.activeElement as HTMLElement | null;
    close.current?.focus();
    return () => returnTo?.focus();
  }, []);
  if (!account) return null;
  const owner = props.members.find((m) => m.user_id === account.account.owner_id)?.label ?? (account.account.owner_id ? 'Someone outside the team' : 'Nobody');
  return (
    <div className="fixed inset-0 z-10 flex justify-end bg-slate-900/40" onKeyDown={(e) => e.key === 'Escape' && props.onClose()}>
      <div role="dialog" aria-modal="true" aria-labelledby="account-detail-name" data-testid="account-detail" className="h-full w-full max-w-md overflow-y-auto bg-white p-4 shadow-xl dark:bg-slate-900">
        <div className="flex items-start justify-between gap-2">
          <h2 id="account-detail-name" className="text-lg font-semibold">
            {account.account.name}
          </h2>
          <button ref={close} type="button" onClick={props.onClose} className="rounded border border-slate-300 px-2 text-sm dark:border-slate-600">
            Close
          </button>
        </div>
        <dl className="mt-2 grid grid-cols-2 gap-1 text-sm">
          <dt className="text-slate-600 dark:text-slate-300">CSM</dt>
          <dd>{owner}</dd>
          <dt className="text-slate-600 dark:text-slate-300">ARR</dt>
          <dd>{money(account.account.arr)}</dd>
          <dt className="text-slate-600 dark:text-slate-300">Renewal</dt>
          <dd>{account.account.renewal_on ?? '—'}</dd>
          <dt className="text-slate-600 dark:text-slate-300">People mapped</dt>
          <dd>{account.stakeholders.count}</dd>
        </dl>
        <h3 className="mt-4 font-semibold">Opportunities</h3>
        {account.opportunities.length === 0 && <p className="text-sm">No opportunity written down yet.</p>}
        <ul className="space-y-3">
          {account.opportunities.map((o) => (
            <li key={o.record.id} className="rounded border border-slate-200 p-2 text-sm dark:border-slate-700" data-testid="account-opportunity">
              <p className="font-medium">{o.title || OPPORTUNITY_TYPE_LABELS[o.record.type]}</p>
              <p>
                {OPPORTUNITY_TYPE_LABELS[o.record.type]} · {o.record.status} · {money(o.record.amount)}
              </p>
              <p>
                Declared {STAGE_LABELS[o.assessment.declaredStage]}; evidence {EVIDENCE_STAGE_LABELS[o.assessment.evidenceStage]}
              </p>
              {o.record.status === 'open' && o.assessment.missing.length > 0 && (
                <ul className="ml-4 list-disc">
                  {o.assessment.missing.map((id) => (
                    <li key={id}>{CRITERIA_BY_ID[id].label}</li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
