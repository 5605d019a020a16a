import { useState, type FormEvent } from 'react';
import { fieldErrors, InviteValues } from '@/lib/admin/admin-forms';
import { askAdmin } from '@/lib/admin/ask-admin';
import type { InvitationView, MemberRole } from '@/lib/admin/admin-values';
import { Card, inputClass, primaryButton, Problem } from '../options/Card';
import { FieldError, Saved } from './FieldError';
import { ROLE_LABELS, ROLES } from './role-labels';

/**
 * Invite a colleague by email with a role; they join when they first sign
 * in with that address. Lists the invitations nobody has accepted yet.
 */
export function InvitationsSection({ invitations, canEdit, onChanged }: { invitations: InvitationView[]; canEdit: boolean; onChanged: () => Promise<void> }) {
  return (
    <Card title="Invitations" testId="invitations">
      {canEdit && <InviteForm onChanged={onChanged} />}
      <h3 className="text-sm font-medium">Open invitations</h3>
      {invitations.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-300">No open invitations.</p>
      ) : (
        <ul className="space-y-1 text-sm" aria-label="Open invitations">
          {invitations.map((invitation) => (
            <li key={invitation.id}>
              {invitation.email} · {ROLE_LABELS[invitation.role]} · invited {invitation.created_at.slice(0, 10)}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

function InviteForm({ onChanged }: { onChanged: () => Promise<void> }) {
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<MemberRole>('csm');
  // One id per invitation being written, kept across retries so a lost answer never invites twice.
  const [inviteId, setInviteId] = useState(() => crypto.randomUUID());
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    setDone(null);
    const values = InviteValues.safeParse({ email, role });
    if (!values.success) return setErrors(fieldErrors(values.error));
    setErrors({});
    setBusy(true);
    const answer = await askAdmin({ type: 'admin.invite', id: inviteId, ...values.data }).finally(() => setBusy(false));
    if (!answer.ok) {
      if (answer.error.field === 'email') setErrors({ email: answer.error.message });
      else setProblem(answer.error.message);
      return;
    }
    setDone(`Invited ${answer.value.email} as ${ROLE_LABELS[answer.value.role]}.`);
    setEmail('');
    setInviteId(crypto.randomUUID());
    await onChanged();
  };

  return (
    <form noValidate onSubmit={(event) => void submit(event)} className="space-y-2" aria-label="Invite a member">
      <div className="flex flex-wrap items-end gap-2">
        <label className="block grow text-sm">
          Email
          <input
            className={inputClass}
            type="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            aria-invalid={errors.email ? true : undefined}
            aria-describedby={errors.email ? 'invite-email-error' : undefined}
          />
        </label>
        <label className="block text-sm">
          Role
          <select className={inputClass} value={role} onChange={(e) => setRole(e.target.value as MemberRole)}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={busy} className={primaryButton}>
          {busy ? 'Inviting…' : 'Invite'}
        </button>
      </div>
      <FieldError id="invite-email-error" text={errors.email} />
      <Problem text={problem} />
      <Saved text={done} />
    </form>
  );
}
