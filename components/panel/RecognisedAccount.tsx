import type { HostContext } from '@/lib/hosts/host-context';
import { groupParticipants } from '@/lib/context/participant-groups';
import { askStore } from '@/lib/messaging/ask-store';
import { AccountView } from './AccountView';
import { ManualSearch } from './ManualSearch';
import { ParticipantList } from './ParticipantList';
import { UnknownDomainOffer } from './UnknownDomainOffer';
import { useStoreQuery } from './use-store-query';
import { useStoreVersion } from './use-store-version';

interface RecognisedAccountProps {
  /** The page's context; `null` when Sidecar could not read the view. */
  context: HostContext | null;
  /** When the context was read: a new read asks again. */
  readAt: number;
}

/**
 * Asks the background which account the page is about and shows it, and
 * reads again whenever the store changes (a save here, in another tab, or by
 * the sync). Keeps the last answer on screen while the next one comes.
 */
export function RecognisedAccount({ context, readAt }: RecognisedAccountProps) {
  const version = useStoreVersion();
  const recognition = useStoreQuery(() => askStore({ type: 'panel.recognise' }), [readAt, version]);
  const chosen = recognition.status === 'ready' ? recognition.value.candidates[0] : undefined;
  const detail = useStoreQuery(chosen ? () => askStore({ type: 'store.account-detail', account_id: chosen.account_id }) : null, [chosen?.account_id, version]);
  const identity = useStoreQuery(() => askStore({ type: 'identity.get' }), []);

  if (recognition.status === 'loading') return <Placeholder />;
  if (recognition.status === 'error') return <p className="text-xs text-red-700 dark:text-red-300" role="alert">{recognition.message}</p>;
  const { item, candidates, unknownDomains } = recognition.value;
  const choose = item ? (accountId: string) => void askStore({ type: 'panel.choose-account', account_id: accountId }) : undefined;

  if (!chosen) {
    const groups = context ? groupParticipants(context) : { external: [], internal: [] };
    return (
      <div className="flex flex-col gap-3" data-testid="no-account">
        {context && <p className="text-sm font-medium">No account recognised for this {context.view === 'event' ? 'meeting' : 'thread'}.</p>}
        {unknownDomains.length > 0 && (
          <ul className="flex flex-col gap-2" aria-label="Unknown domains">
            {unknownDomains.map((unknown) => (
              <UnknownDomainOffer key={unknown.domain} unknown={unknown} />
            ))}
          </ul>
        )}
        {choose && <ManualSearch label={context ? 'Pick the account yourself' : 'Pick the account for this view'} onPick={(account) => choose(account.id)} />}
        <ParticipantList label="Customers and guests" people={groups.external} />
        <ParticipantList label="Your team" people={groups.internal} />
      </div>
    );
  }
  if (detail.status !== 'ready' || detail.value?.account.id !== chosen.account_id) {
    return detail.status === 'error' ? <p role="alert" className="text-xs">{detail.message}</p> : <Placeholder />;
  }
  const author = identity.status === 'ready' ? identity.value.author_id : null;
  const ownerId = detail.value.account.owner_id;
  const ownerLabel = ownerId === null ? 'Unassigned' : ownerId === author ? 'You' : 'A teammate';
  return <AccountView detail={detail.value} context={context} candidates={candidates} ownerLabel={ownerLabel} onChoose={choose} />;
}

/** Keeps the space the account header takes, so the view does not jump when it arrives. */
function Placeholder() {
  return (
    <div className="flex flex-col gap-2" role="status" aria-label="Finding the account" data-testid="account-loading">
      <div className="h-5 w-2/3 animate-pulse rounded bg-slate-200 dark:bg-slate-700" />
      <div className="h-8 w-full animate-pulse rounded bg-slate-100 dark:bg-slate-800" />
    </div>
  );
}
