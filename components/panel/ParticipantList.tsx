import type { PersonOnContext } from '@/lib/context/participant-groups';

const ROLE_LABELS: Record<PersonOnContext['roles'][number], string> = {
  from: 'From',
  to: 'To',
  cc: 'Cc',
  organizer: 'Organizer',
  attendee: 'Guest',
};

const RESPONSE_LABELS: Record<NonNullable<PersonOnContext['response']>, string> = {
  accepted: 'accepted',
  declined: 'declined',
  tentative: 'maybe',
  awaiting: 'no reply yet',
};

interface ParticipantListProps {
  label: string;
  people: PersonOnContext[];
}

/** One group of people on the thread or event: name, address, roles. */
export function ParticipantList({ label, people }: ParticipantListProps) {
  if (people.length === 0) return null;
  return (
    <section aria-label={label} className="flex flex-col gap-1">
      <h3 className="text-[11px] font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-300">
        {label} · {people.length}
      </h3>
      <ul className="flex flex-col divide-y divide-slate-100 dark:divide-slate-800">
        {people.map((person) => (
          <li key={person.email} className="flex min-w-0 flex-col py-1.5" data-participant={person.email}>
            <span className="truncate text-sm font-medium" title={person.name ?? person.email}>
              {person.name ?? person.email}
            </span>
            <span className="truncate text-xs text-slate-600 dark:text-slate-300" title={person.email}>
              {person.email}
            </span>
            <span className="text-[11px] text-slate-600 dark:text-slate-300">
              {person.roles.map((role) => ROLE_LABELS[role]).join(', ')}
              {person.response ? ` · ${RESPONSE_LABELS[person.response]}` : ''}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
