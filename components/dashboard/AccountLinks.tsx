import { useState } from 'react';

/**
 * Accounts named in one cell at first: at 20,000 accounts one criterion can
 * hold back thousands, and a button for each made the page tens of thousands
 * of elements, most of the first frame's style and layout (and of tearing
 * the page down again). The CSV has every account.
 */
export const ACCOUNTS_SHOWN = 10;
/** Accounts added by each "Show more": a few screens' worth, so a press never lays out thousands at once. */
export const ACCOUNTS_PER_MORE = 100;

/** The accounts behind a row, each opening its detail; a long list shows its first ones and more on request. */
export function AccountLinks(props: { ids: readonly string[]; names: readonly string[]; onOpenAccount: (accountId: string) => void }) {
  const [count, setCount] = useState(ACCOUNTS_SHOWN);
  const { ids } = props;
  const shown = ids.slice(0, count);
  const hidden = ids.length - shown.length;
  return (
    <span className="flex flex-wrap gap-x-2">
      {shown.map((id, i) => (
        <button key={id} type="button" onClick={() => props.onOpenAccount(id)} className="text-brand-700 underline dark:text-indigo-300">
          {props.names[i]}
        </button>
      ))}
      {hidden > 0 && (
        <button type="button" onClick={() => setCount(count + ACCOUNTS_PER_MORE)} className="text-slate-700 underline dark:text-slate-200">
          Show {Math.min(hidden, ACCOUNTS_PER_MORE).toLocaleString('en-US')} more ({hidden.toLocaleString('en-US')} not shown)
        </button>
      )}
    </span>
  );
}
