import type { CalendarPrep as Prep } from '@/lib/panel/calendar-prep';
import { INTENT_SIGNAL_LABELS, MEETING_LABELS } from '@/lib/panel/labels';
import { MappedParticipants } from './MappedParticipants';

/** Before a meeting: who attends and where they stand, questions for the agenda, what was last shared, heard and met. */
export function CalendarPrep({ prep, accountId }: { prep: Prep; accountId: string }) {
  return (
    <section aria-label="Meeting prep" className="flex flex-col gap-3" data-testid="calendar-prep">
      <MappedParticipants label="Attendees" rows={prep.attendees} accountId={accountId} />
      <section aria-label="Suggested agenda" className="flex flex-col gap-1" data-testid="agenda">
        <h4 className="text-[11px] font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-300">Suggested agenda questions</h4>
        {prep.agenda.length === 0 ? (
          <p className="text-xs text-slate-600 dark:text-slate-300">Nothing missing for this stage.</p>
        ) : (
          <ol className="flex list-decimal flex-col gap-1 pl-4 text-xs">
            {prep.agenda.map((item) => (
              <li key={item.criterion} data-criterion={item.criterion} className="break-words">
                {item.question}
              </li>
            ))}
          </ol>
        )}
      </section>
      <Recent title="Latest insights shared" empty="No insight recorded yet." items={prep.latestInsights.map((i) => ({ id: i.id, text: i.summary, date: i.sharedOn ?? 'draft' }))} />
      <Recent
        title="Latest signals"
        empty="No signal recorded yet."
        items={prep.latestSignals.map((s) => ({ id: s.id, text: s.summary ? `${INTENT_SIGNAL_LABELS[s.kind]}: ${s.summary}` : INTENT_SIGNAL_LABELS[s.kind], date: s.occurredOn }))}
      />
      <section aria-label="Last meeting" className="flex flex-col gap-1" data-testid="last-meeting">
        <h4 className="text-[11px] font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-300">Last meeting with this account</h4>
        <p className="text-xs break-words">
          {prep.lastMeeting
            ? `${MEETING_LABELS[prep.lastMeeting.kind]} · ${prep.lastMeeting.heldOn}${prep.lastMeeting.summary ? ` · ${prep.lastMeeting.summary}` : ''}`
            : 'No meeting recorded yet.'}
        </p>
      </section>
    </section>
  );
}

function Recent({ title, empty, items }: { title: string; empty: string; items: { id: string; text: string; date: string }[] }) {
  return (
    <section aria-label={title} className="flex flex-col gap-1">
      <h4 className="text-[11px] font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-300">{title}</h4>
      {items.length === 0 ? (
        <p className="text-xs text-slate-600 dark:text-slate-300">{empty}</p>
      ) : (
        <ul className="flex flex-col gap-0.5 text-xs">
          {items.map((item) => (
            <li key={item.id} className="break-words">
              <span className="text-slate-600 dark:text-slate-300">{item.date}</span> {item.text}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
