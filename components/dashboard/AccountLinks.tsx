import { useState } from 'react';

/**
 * Accounts named in one cell shown before "Show all": at 20,000 accounts one
 * criterion can hold back thousands, and a button for each made the page
 * tens of thousands of elements, most of the first frame's style and layout
 * (and of tearing the page down again). The CSV has every account.
 */
export const ACCOUNTS_SHOWN = 10;

/** The accounts behind a row, each opening its detail; long lists show their first ones until asked for all. */
export function AccountLinks(props: { ids: readonly string[]; names: readonly string[]; onOpenAccount: (accountId: string) => void }) {
  const [all, setAll] = useState(false);
  const { ids } = props;
  const shown = all ? ids : ids.slice(0, ACCOUNTS_SHOWN);
  return (
    <span className="flex flex-wrap gap-x-2">
      {shown.map((id, i) => (
        <button key={id} type="button" onClick={() => props.onOpenAccount(id)} className="text-brand-700 underline dark:text-indigo-300">
          {props.names[i]}
        </button>
      ))}
      {shown.length < ids.length && (
        <button type="button" onClick={() => setAll(true)} className="text-slate-700 underline dark:text-slate-200">
          Show all {ids.length.toLocaleString('en-US')} accounts
        </button>
      )}
    </span>
  );
}
