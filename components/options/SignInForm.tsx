import { useState, type FormEvent } from 'react';
import { askStore } from '@/lib/messaging/ask-store';
import type { SyncStateView } from '@/lib/sync/sync-view';
import { Card, inputClass, primaryButton, Problem, secondaryButton } from './Card';

/** Sign-in with a one-time code sent by email, or with Google. */
export function SignInForm({ onSignedIn }: { onSignedIn: (state: SyncStateView) => void }) {
  const [email, setEmail] = useState('');
  const [code, setCode] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const run = async <T,>(ask: () => Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>, done: (value: T) => void) => {
    setBusy(true);
    try {
      const answer = await ask();
      if (answer.ok) {
        setProblem(null);
        done(answer.value);
      } else setProblem(answer.error.message);
    } finally {
      setBusy(false);
    }
  };

  const sendCode = (event: FormEvent) => {
    event.preventDefault();
    void run(() => askStore({ type: 'auth.send-code', email: email.trim() }), (value) => setSentTo(value.sent_to));
  };
  const verify = (event: FormEvent) => {
    event.preventDefault();
    void run(() => askStore({ type: 'auth.verify-code', email: sentTo ?? email, code: code.trim() }), onSignedIn);
  };
  const google = () => void run(() => askStore({ type: 'auth.google' }), onSignedIn);

  return (
    <Card title="Sign in to your team" testId="sign-in">
      {sentTo === null ? (
        <form onSubmit={sendCode} className="space-y-2">
          <label className="block text-sm">
            Work email
            <input className={inputClass} type="email" value={email} onChange={(e) => setEmail(e.target.value)} autoComplete="email" required />
          </label>
          <button type="submit" disabled={busy} className={primaryButton}>
            Email me a code
          </button>
        </form>
      ) : (
        <form onSubmit={verify} className="space-y-2">
          <p className="text-sm">We sent a code to {sentTo}.</p>
          <label className="block text-sm">
            Code
            <input className={inputClass} inputMode="numeric" autoComplete="one-time-code" value={code} onChange={(e) => setCode(e.target.value)} required />
          </label>
          <div className="flex gap-2">
            <button type="submit" disabled={busy} className={primaryButton}>
              Sign in
            </button>
            <button type="button" className={secondaryButton} onClick={() => setSentTo(null)}>
              Use another address
            </button>
          </div>
        </form>
      )}
      <div className="border-t border-slate-200 pt-3 dark:border-slate-700">
        <button type="button" disabled={busy} className={secondaryButton} onClick={google}>
          Sign in with Google
        </button>
      </div>
      <Problem text={problem} />
    </Card>
  );
}
