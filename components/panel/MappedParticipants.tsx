import { useState } from 'react';
import type { ParticipantRowData } from '@/lib/panel/participant-rows';
import { ParticipantRow, type StakeholderPrefill } from './ParticipantRow';
import { QuickStakeholder } from './QuickStakeholder';

interface MappedParticipantsProps {
  label: string;
  rows: readonly (ParticipantRowData & { attention?: 'detractor' | 'unmapped' | null })[];
  accountId: string;
  /** Replaces the built-in quick confirm (the forms' stakeholder form plugs in here). */
  onAddStakeholder?: (prefill: StakeholderPrefill) => void;
}

/** The customer's people on the thread or event, each with their stakeholder mapping. */
export function MappedParticipants({ label, rows, accountId, onAddStakeholder }: MappedParticipantsProps) {
  const [adding, setAdding] = useState<StakeholderPrefill | null>(null);
  if (rows.length === 0) return null;
  return (
    <section aria-label={label} className="flex flex-col gap-1">
      <h4 className="text-[11px] font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-300">
        {label} · {rows.length}
      </h4>
      <ul className="flex flex-col divide-y divide-slate-100 dark:divide-slate-800">
        {rows.map((row) => (
          <ParticipantRow key={row.person.email} row={row} accountId={accountId} attention={row.attention ?? null} onAddStakeholder={onAddStakeholder ?? setAdding}>
            {adding?.email === row.person.email && <QuickStakeholder prefill={adding} onDone={() => setAdding(null)} />}
          </ParticipantRow>
        ))}
      </ul>
    </section>
  );
}
