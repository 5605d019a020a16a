import { useState } from 'react';
import { QuickLogForm } from '@/components/forms/QuickLogForm';
import { QuickLogMenu } from '@/components/forms/QuickLogMenu';
import { suggestionsFrom } from '@/lib/forms/context-prefill';
import { sourceFromContext } from '@/lib/forms/form-values';
import type { QuickLogKind } from '@/lib/forms/quick-log-kinds';
import type { HostContext } from '@/lib/hosts/host-context';
import { quickLogPrefill } from '@/lib/panel/quick-log-prefill';
import type { AccountDetail } from '@/lib/store/reads';

interface QuickLogProps {
  detail: AccountDetail;
  context: HostContext | null;
  /** The opportunity selected in the account view, if any. */
  opportunityId: string | undefined;
}

/**
 * "Log" for the account in view: the menu of record kinds, then the chosen
 * form prefilled from the thread or event and linked to it. Saving closes
 * the form; the account view re-reads the store, so stage and missing
 * evidence follow at once.
 */
export function QuickLog({ detail, context, opportunityId }: QuickLogProps) {
  const [kind, setKind] = useState<QuickLogKind | null>(null);
  const stakeholders = detail.stakeholders.map((s) => ({ id: s.id, name: s.name, email: s.email }));
  const opportunities = detail.opportunities.filter((o) => o.status === 'open').map((o) => ({ id: o.id, title: o.title }));

  if (!kind) return <QuickLogMenu hasAccount hasOpportunity={opportunities.length > 0} onChoose={setKind} />;

  const source = sourceFromContext(context ?? undefined);
  return (
    <div className="border-t border-slate-200 dark:border-slate-700" data-testid="quick-log-form">
      <QuickLogForm
        kind={kind}
        accountId={detail.account.id}
        {...(opportunityId ? { opportunityId } : {})}
        {...(source ? { source } : {})}
        prefill={quickLogPrefill(kind, suggestionsFrom(context ?? undefined, stakeholders))}
        stakeholders={stakeholders}
        opportunities={opportunities}
        goals={detail.goals.map((g) => ({ id: g.id, statement: g.statement }))}
        onSaved={() => setKind(null)}
        onCancel={() => setKind(null)}
      />
    </div>
  );
}
