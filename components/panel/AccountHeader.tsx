import { formatArr, type AccountView } from '@/lib/panel/account-view';

/** Name, owner, ARR and renewal date of the account the thread or event is about. */
export function AccountHeader({ account, ownerLabel }: { account: AccountView; ownerLabel: string }) {
  return (
    <header className="flex min-w-0 flex-col gap-1">
      <h3 className="truncate text-base font-semibold" data-testid="account-name" title={account.name}>
        {account.name}
      </h3>
      <dl className="grid grid-cols-3 gap-1 text-xs">
        <Fact term="Owner" value={ownerLabel} />
        <Fact term="ARR" value={formatArr(account.arr)} />
        <Fact term="Renewal" value={account.renewalOn ?? 'Not set'} />
      </dl>
    </header>
  );
}

function Fact({ term, value }: { term: string; value: string }) {
  return (
    <div className="flex min-w-0 flex-col">
      <dt className="text-[10px] text-slate-600 uppercase dark:text-slate-300">{term}</dt>
      <dd className="truncate font-medium" title={value}>
        {value}
      </dd>
    </div>
  );
}
