import type { CriterionResult } from '../pipeline';
import type { IntentSignal } from '../schemas/decision';
import type { Meeting } from '../schemas/engagement';
import type { AccountDetail } from '../store/reads';
import type { ParticipantRowData } from './participant-rows';

/**
 * What the panel shows before a meeting: who attends and where they stand,
 * the questions to put on the agenda, what was last shared and heard, and
 * when the account was last met.
 */
export interface CalendarPrep {
  attendees: (ParticipantRowData & { attention: 'detractor' | 'unmapped' | null })[];
  /** The missing evidence of the selected opportunity as questions, each once. */
  agenda: { criterion: string; question: string }[];
  latestInsights: { id: string; summary: string; sharedOn: string | null }[];
  latestSignals: { id: string; kind: IntentSignal['kind']; summary: string | null; occurredOn: string }[];
  lastMeeting: { id: string; heldOn: string; kind: Meeting['kind']; summary: string | null } | null;
}

const LATEST = 3;

export function calendarPrep(rows: readonly ParticipantRowData[], detail: AccountDetail, missing: readonly CriterionResult[], today: string): CalendarPrep {
  const seen = new Set<string>();
  const agenda: CalendarPrep['agenda'] = [];
  for (const criterion of missing) {
    if (seen.has(criterion.question)) continue;
    seen.add(criterion.question);
    agenda.push({ criterion: criterion.id, question: criterion.question });
  }
  const pastMeetings = detail.meetings.filter((meeting) => meeting.held_on <= today).sort((a, b) => b.held_on.localeCompare(a.held_on));
  const last = pastMeetings[0];
  return {
    attendees: rows.map((row) => ({
      ...row,
      attention: row.stakeholder === null ? 'unmapped' : row.stakeholder.position === 'detractor' ? 'detractor' : null,
    })),
    agenda,
    latestInsights: [...detail.insights]
      .sort((a, b) => (b.shared_on ?? b.created_at).localeCompare(a.shared_on ?? a.created_at))
      .slice(0, LATEST)
      .map((insight) => ({ id: insight.id, summary: insight.summary, sharedOn: insight.shared_on })),
    latestSignals: [...detail.intent_signals]
      .sort((a, b) => b.occurred_on.localeCompare(a.occurred_on) || b.created_at.localeCompare(a.created_at))
      .slice(0, LATEST)
      .map((signal) => ({ id: signal.id, kind: signal.kind, summary: signal.summary, occurredOn: signal.occurred_on })),
    lastMeeting: last ? { id: last.id, heldOn: last.held_on, kind: last.kind, summary: last.summary } : null,
  };
}
