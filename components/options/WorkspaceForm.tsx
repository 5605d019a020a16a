import { useEffect, useState, type FormEvent } from 'react';
import { browser } from 'wxt/browser';
import { askStore } from '@/lib/messaging/ask-store';
import type { WorkspaceView } from '@/lib/sync/sync-view';
import { Card, inputClass, primaryButton, Problem } from './Card';

/**
 * The team's Supabase project: URL and publishable key. Save asks the
 * browser for the host permission of exactly that origin, inside the click
 * (the browser only shows its prompt during a user gesture), and stores
 * the settings in the background, which validates them.
 */
export function WorkspaceForm({ onSaved }: { onSaved: () => void }) {
  const [view, setView] = useState<WorkspaceView | null>(null);
  const [url, setUrl] = useState('');
  const [key, setKey] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    void askStore({ type: 'workspace.get' }).then((answer) => {
      if (!answer.ok) return setProblem(answer.error.message);
      setView(answer.value);
      // The answer can arrive after the person has started typing (the background
      // may be waking up): what they typed wins over the stored settings.
      setUrl((typed) => typed || (answer.value.settings?.url ?? ''));
      setKey((typed) => typed || (answer.value.settings?.anon_key ?? ''));
    });
  }, []);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    let origin: string;
    try {
      origin = new URL(url.trim()).origin;
    } catch {
      return setProblem('Enter the project URL, such as https://abcd.supabase.co');
    }
    // Asked inside the click: the browser shows its prompt only during a user
    // gesture. The settings are saved without waiting for the answer (the
    // prompt may stay open); `permitted` follows once it is answered.
    const permission = browser.permissions.request({ origins: [`${origin}/*`] }).catch(() => false);
    const answer = await askStore({ type: 'workspace.save', url: url.trim(), anon_key: key.trim() });
    if (!answer.ok) return setProblem(answer.error.message);
    setProblem(null);
    setView(answer.value);
    setSaved(true);
    onSaved();
    const granted = await permission;
    setView((current) => (current?.settings ? { ...current, permitted: granted || current.permitted } : current));
  };

  return (
    <Card title="Team workspace" testId="workspace-form">
      <p className="text-sm text-slate-600 dark:text-slate-300">
        Your team’s Supabase project. Without one, Sidecar works in solo mode and keeps everything in this browser.
        {view?.source === 'build' && ' This copy of Sidecar came set up for your team.'}
      </p>
      <form onSubmit={(event) => void save(event)} className="space-y-2">
        <label className="block text-sm">
          Project URL
          <input className={inputClass} type="url" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://abcd.supabase.co" required />
        </label>
        <label className="block text-sm">
          Publishable (anon) key
          <input className={inputClass} value={key} onChange={(e) => setKey(e.target.value)} autoComplete="off" spellCheck={false} required />
        </label>
        <button type="submit" className={primaryButton}>
          Save workspace
        </button>
      </form>
      {saved && <p className="text-sm text-emerald-700" role="status">Saved.</p>}
      {view?.settings && !view.permitted && (
        <p className="text-sm text-amber-700">
          The browser has not allowed Sidecar to reach {view.settings.url}. Save again and allow it, or syncing may fail.
        </p>
      )}
      <Problem text={problem} />
    </Card>
  );
}
