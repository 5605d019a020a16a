import type { ReactNode } from 'react';
import { POSITION_LABELS, ROLE_LABELS } from '@/lib/panel/labels';
import { stakeholderPrefill, type ParticipantRowData } from '@/lib/panel/participant-rows';

/** What "add as stakeholder" starts from; the forms' stakeholder form takes the same. */
export interface StakeholderPrefill {
  name?: string;
  email: string;
  account_id: string;
}

interface ParticipantRowProps {
  row: ParticipantRowData;
  accountId: string;
  onAddStakeholder: (prefill: StakeholderPrefill) => void;
  /** Why this person needs a look before a meeting; highlighted with text, not colour only. */
  attention?: 'detractor' | 'unmapped' | null;
  /** Shown under the row, e.g. the form adding this person. */
  children?: ReactNode;
}

const POSITION_STYLES: Record<string, string> = {
  sponsor: 'bg-emerald-100 text-emerald-900 dark:bg-emerald-900 dark:text-emerald-100',
  supporter: 'bg-sky-100 text-sky-900 dark:bg-sky-900 dark:text-sky-100',
  needs_education: 'bg-slate-100 text-slate-800 dark:bg-slate-700 dark:text-slate-100',
  detractor: 'bg-red-100 text-red-900 dark:bg-red-900 dark:text-red-100',
  unknown: 'bg-slate-100 text-slate-800 dark:bg-slate-700 dark:text-slate-100',
};

/** One person: their stakeholder position and roles, or "not mapped" with a one-click add. */
export function ParticipantRow({ row, accountId, onAddStakeholder, attention = null, children }: ParticipantRowProps) {
  const { person, stakeholder } = row;
  const shownName = person.name ?? stakeholder?.name ?? person.email;
  return (
    <li
      className={`flex min-w-0 flex-col gap-0.5 py-1.5 ${attention ? 'border-l-4 pl-2 ' + (attention === 'detractor' ? 'border-red-600' : 'border-amber-500') : ''}`}
      data-participant={person.email}
      data-position={stakeholder?.position ?? 'not-mapped'}
      data-attention={attention ?? undefined}
    >
      <span className="flex min-w-0 items-center gap-1">
        <span className="min-w-0 truncate text-sm font-medium" title={shownName}>
          {shownName}
        </span>
        {stakeholder ? (
          <span className={`shrink-0 rounded px-1 text-[10px] font-semibold ${POSITION_STYLES[stakeholder.position]}`} data-testid="position">
            {POSITION_LABELS[stakeholder.position]}
          </span>
        ) : (
          <span className="shrink-0 rounded border border-dashed border-slate-400 px-1 text-[10px] text-slate-700 dark:text-slate-200" data-testid="position">
            Not mapped
          </span>
        )}
      </span>
      <span className="truncate text-xs text-slate-600 dark:text-slate-300" title={person.email}>
        {person.email}
      </span>
      {attention && (
        <span className="text-[11px] font-semibold text-slate-800 dark:text-slate-100">
          <span aria-hidden="true">⚠ </span>
          {attention === 'detractor' ? 'Detractor: plan how to address their concerns' : 'Unmapped: learn their role and position'}
        </span>
      )}
      {stakeholder && stakeholder.roles.length > 0 && (
        <span className="text-[11px] break-words text-slate-600 dark:text-slate-300">{stakeholder.roles.map((role) => ROLE_LABELS[role]).join(', ')}</span>
      )}
      {!stakeholder && (
        <button
          type="button"
          onClick={() => onAddStakeholder(stakeholderPrefill(person, accountId))}
          className="self-start text-xs text-brand-700 underline dark:text-brand-50"
          aria-label={`Add as stakeholder: ${shownName}`}
        >
          Add as stakeholder
        </button>
      )}
      {children}
    </li>
  );
}
