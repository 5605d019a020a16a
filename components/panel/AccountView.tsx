import { useState } from 'react';
import type { HostContext } from '@/lib/hosts/host-context';
import { groupParticipants } from '@/lib/context/participant-groups';
import { accountView } from '@/lib/panel/account-view';
import { calendarPrep } from '@/lib/panel/calendar-prep';
import { participantRows } from '@/lib/panel/participant-rows';
import type { RankedCandidate } from '@/lib/recognition';
import type { AccountDetail } from '@/lib/store/reads';
import { AccountHeader } from './AccountHeader';
import { CalendarPrep } from './CalendarPrep';
import { CandidateSwitcher } from './CandidateSwitcher';
import { MappedParticipants } from './MappedParticipants';
import { Milestones } from './Milestones';
import { MissingEvidence } from './MissingEvidence';
import { ParticipantList } from './ParticipantList';
import { QuickLog } from './QuickLog';
import { StageTrack } from './StageTrack';

interface AccountViewProps {
  detail: AccountDetail;
  /** `null` when the page could not be read and the CSM picked the account. */
  context: HostContext | null;
  candidates: readonly RankedCandidate[];
  ownerLabel: string;
  onChoose?: (accountId: string) => void;
}

/** The account a thread or event is about: where it stands, what is missing, who is on it. */
export function AccountView({ detail, context, candidates, ownerLabel, onChoose }: AccountViewProps) {
  const now = new Date().toISOString();
  const view = accountView(detail, now);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const selected = view.opportunities.find((o) => o.id === selectedId) ?? view.opportunities[0];
  const groups = context ? groupParticipants(context) : { external: [], internal: [] };
  const rows = participantRows(groups.external, detail.stakeholders);

  return (
    <section aria-label="Account" className="flex flex-col gap-3" data-testid="account-view" data-account-id={view.id}>
      <AccountHeader account={view} ownerLabel={ownerLabel} />
      <CandidateSwitcher candidates={candidates} onChoose={onChoose} />
      <section aria-label="Open opportunities" className="flex flex-col gap-2">
        <h4 className="text-[11px] font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-300">Open opportunities</h4>
        {view.opportunities.length === 0 && <p className="text-xs text-slate-600 dark:text-slate-300">No open opportunity yet.</p>}
        {view.opportunities.map((opportunity) => (
          <div key={opportunity.id} className="flex flex-col gap-1" data-opportunity={opportunity.id}>
            <button
              type="button"
              aria-pressed={opportunity.id === selected?.id}
              onClick={() => setSelectedId(opportunity.id)}
              className={`truncate text-left text-sm font-medium ${opportunity.id === selected?.id ? 'underline' : ''}`}
              title={opportunity.title}
            >
              {opportunity.title}
            </button>
            <StageTrack declared={opportunity.declaredStage} evidence={opportunity.evidenceStage} />
          </div>
        ))}
        {selected && <MissingEvidence opportunity={selected} />}
      </section>
      {context?.view === 'event' ? (
        <CalendarPrep prep={calendarPrep(rows, detail, selected?.missing ?? [], now.slice(0, 10))} accountId={view.id} />
      ) : (
        <MappedParticipants label="Customers and guests" rows={rows} accountId={view.id} />
      )}
      <ParticipantList label="Your team" people={groups.internal} />
      <Milestones milestones={view.milestones} />
      <QuickLog detail={detail} context={context} opportunityId={selected?.id} />
    </section>
  );
}
