import { useState } from 'react';
import { askAdmin } from '@/lib/admin/ask-admin';
import type { AdminOverview, MemberRole, MemberView } from '@/lib/admin/admin-values';
import { Card, inputClass, Problem, secondaryButton } from '../options/Card';
import { Saved } from './FieldError';
import { ROLE_LABELS, ROLES } from './role-labels';

/**
 * The organization's members and their roles. An admin changes a role or
 * removes a member; the database keeps at least one admin and says so when
 * asked to drop the last one.
 */
export function MembersSection({ overview, canEdit, onChanged }: { overview: AdminOverview; canEdit: boolean; onChanged: () => Promise<void> }) {
  const { members, me } = overview;
  return (
    <Card title="Members" testId="members">
      {members.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-300">No members yet.</p>
      ) : (
        <table className="w-full text-left text-sm">
          <thead>
            <tr className="border-b border-slate-200 dark:border-slate-700">
              <th scope="col" className="py-1 pr-2 font-medium">Name</th>
              <th scope="col" className="py-1 pr-2 font-medium">Email</th>
              <th scope="col" className="py-1 pr-2 font-medium">Role</th>
              {canEdit && <th scope="col" className="py-1 font-medium">Change</th>}
            </tr>
          </thead>
          <tbody>
            {members.map((member) => (
              <MemberRow key={member.id} member={member} isMe={member.user_id === me.user_id} canEdit={canEdit} onChanged={onChanged} />
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}

function MemberRow({ member, isMe, canEdit, onChanged }: { member: MemberView; isMe: boolean; canEdit: boolean; onChanged: () => Promise<void> }) {
  const [role, setRole] = useState<MemberRole>(member.role);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const who = member.display_name ?? member.email ?? 'this member';

  const run = async (send: () => ReturnType<typeof askAdmin>, success: string) => {
    setBusy(true);
    setProblem(null);
    setDone(null);
    const answer = await send().finally(() => setBusy(false));
    if (!answer.ok) return setProblem(answer.error.message);
    setDone(success);
    setConfirming(false);
    await onChanged();
  };

  return (
    <tr className="border-b border-slate-100 align-top dark:border-slate-800" data-testid={`member-${member.email ?? member.id}`}>
      <td className="py-1 pr-2">
        {member.display_name ?? '—'}
        {isMe && <span className="ml-1 text-slate-500">(you)</span>}
      </td>
      <td className="py-1 pr-2">{member.email ?? '—'}</td>
      <td className="py-1 pr-2">{ROLE_LABELS[member.role]}</td>
      {canEdit && (
        <td className="space-y-1 py-1">
          <div className="flex flex-wrap items-center gap-2">
            <label className="sr-only" htmlFor={`role-${member.id}`}>
              New role for {who}
            </label>
            <select id={`role-${member.id}`} className={`${inputClass} w-auto`} value={role} onChange={(e) => setRole(e.target.value as MemberRole)}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {ROLE_LABELS[r]}
                </option>
              ))}
            </select>
            <button
              type="button"
              className={secondaryButton}
              disabled={busy || role === member.role}
              onClick={() => void run(() => askAdmin({ type: 'admin.set-role', member_id: member.id, role }), `${who} is now ${ROLE_LABELS[role]}.`)}
            >
              Change role<span className="sr-only"> of {who}</span>
            </button>
            <button type="button" className={secondaryButton} disabled={busy} onClick={() => setConfirming(true)}>
              Remove<span className="sr-only"> {who}</span>
            </button>
          </div>
          {confirming && (
            <div role="group" aria-label={`Confirm removing ${who}`} className="flex flex-wrap items-center gap-2 text-sm">
              <span>Remove {who} from the organization?</span>
              <button type="button" className={secondaryButton} disabled={busy} onClick={() => void run(() => askAdmin({ type: 'admin.remove-member', member_id: member.id }), `${who} was removed.`)}>
                Yes, remove
              </button>
              <button type="button" className={secondaryButton} onClick={() => setConfirming(false)}>
                Cancel
              </button>
            </div>
          )}
          <Problem text={problem} />
          <Saved text={done} />
        </td>
      )}
    </tr>
  );
}
