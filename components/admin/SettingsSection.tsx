import { useState, type FormEvent } from 'react';
import { fieldErrors, SettingsForm, type SettingsFormInput } from '@/lib/admin/admin-forms';
import { askAdmin } from '@/lib/admin/ask-admin';
import type { OrganizationSettingsView } from '@/lib/admin/admin-values';
import { Card, inputClass, primaryButton, Problem } from '../options/Card';
import { FieldError, Saved } from './FieldError';

const FIELDS: { name: keyof SettingsFormInput; label: string; help: string }[] = [
  { name: 'goal_current_days', label: 'A goal stays current for (days)', help: 'How long after a customer last confirmed a goal it still counts as current.' },
  { name: 'insight_shared_days', label: 'A shared insight stays fresh for (days)', help: 'How long after it was shared an insight still counts.' },
  { name: 'stall_threshold_days', label: 'An opportunity is stalled after (days)', help: 'Days in the same stage before the dashboard lists an open opportunity as stalled.' },
];

/** The team's freshness windows and stall threshold, in whole days (1 to 3650). */
export function SettingsSection({ organization, canEdit, onChanged }: { organization: OrganizationSettingsView; canEdit: boolean; onChanged: () => Promise<void> }) {
  const [typed, setTyped] = useState<SettingsFormInput>({
    goal_current_days: String(organization.goal_current_days),
    insight_shared_days: String(organization.insight_shared_days),
    stall_threshold_days: String(organization.stall_threshold_days),
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    setDone(null);
    const values = SettingsForm.safeParse(typed);
    if (!values.success) return setErrors(fieldErrors(values.error));
    setErrors({});
    setBusy(true);
    const answer = await askAdmin({ type: 'admin.update-settings', ...values.data }).finally(() => setBusy(false));
    if (!answer.ok) {
      if (answer.error.field && answer.error.field in typed) setErrors({ [answer.error.field]: answer.error.message });
      else setProblem(answer.error.message);
      return;
    }
    setDone('Settings saved.');
    await onChanged();
  };

  return (
    <Card title="Team settings" testId="settings">
      <form noValidate onSubmit={(event) => void submit(event)} className="space-y-3">
        {FIELDS.map(({ name, label, help }) => (
          <div key={name}>
            <label className="block text-sm">
              {label}
              <input
                className={`${inputClass} w-32`}
                inputMode="numeric"
                value={typed[name]}
                readOnly={!canEdit}
                onChange={(e) => setTyped({ ...typed, [name]: e.target.value })}
                aria-invalid={errors[name] ? true : undefined}
                aria-describedby={`${name}-help${errors[name] ? ` ${name}-error` : ''}`}
              />
            </label>
            <p id={`${name}-help`} className="text-xs text-slate-600 dark:text-slate-300">
              {help}
            </p>
            <FieldError id={`${name}-error`} text={errors[name]} />
          </div>
        ))}
        {canEdit && (
          <button type="submit" disabled={busy} className={primaryButton}>
            {busy ? 'Saving…' : 'Save settings'}
          </button>
        )}
        <Problem text={problem} />
        <Saved text={done} />
      </form>
    </Card>
  );
}
