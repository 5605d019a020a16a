import type { Dashboard } from '@/lib/dashboard';
import type { DashboardMember } from '@/lib/dashboard-data/loaded';
import { DataTable } from './DataTable';
import { days, money, withOwner } from './format';
import { Section } from './Section';

/** The account lists a manager works through: single-threaded, no First Value yet, strong with nothing open. */
export function AccountLists({ dashboard, members, onOpenAccount }: { dashboard: Dashboard; members: readonly DashboardMember[]; onOpenAccount: (id: string) => void }) {
  const common = { accountKey: 'account_id' as const, onOpenAccount };
  return (
    <>
      <Section title="Single-threaded accounts" testId="single-threaded" about="No sponsor, or fewer than two people engaged as sponsor or supporter: the account hangs on one relationship.">
        <DataTable
          {...common}
          testId="single-threaded-table"
          caption="Single-threaded accounts"
          csvName="single-threaded-accounts"
          empty="Every account has a sponsor and at least two engaged people."
          rows={withOwner(dashboard.single_threaded, members)}
          columns={[
            { key: 'account_name', header: 'Account' },
            { key: 'owner', header: 'CSM' },
            { key: 'has_sponsor', header: 'Sponsor', format: (r) => (r.has_sponsor ? 'Yes' : 'No') },
            { key: 'engaged_stakeholders', header: 'Engaged people', numeric: true },
            { key: 'arr', header: 'ARR', numeric: true, format: (r) => money(r.arr) },
          ]}
        />
      </Section>
      <Section title="Accounts without First Value" testId="without-first-value" about="No First Value milestone yet, longest since purchase first.">
        <DataTable
          {...common}
          testId="without-first-value-table"
          caption="Accounts without First Value"
          csvName="accounts-without-first-value"
          empty="Every account has reached First Value."
          rows={withOwner(dashboard.without_first_value, members)}
          columns={[
            { key: 'account_name', header: 'Account' },
            { key: 'owner', header: 'CSM' },
            { key: 'days_since_purchase', header: 'Since purchase', numeric: true, format: (r) => days(r.days_since_purchase) },
            { key: 'arr', header: 'ARR', numeric: true, format: (r) => money(r.arr) },
            { key: 'renewal_on', header: 'Renewal' },
          ]}
        />
      </Section>
      <Section title="Strong accounts with no open opportunity" testId="strong-no-open" about="First Value reached, a sponsor, and an insight shared recently, yet nothing open: growth earned and not yet written down.">
        <DataTable
          {...common}
          testId="strong-no-open-table"
          caption="Strong accounts with no open opportunity"
          csvName="strong-accounts-without-opportunity"
          empty="No strong account is without an open opportunity."
          rows={withOwner(dashboard.strong_without_open_opportunity, members)}
          columns={[
            { key: 'account_name', header: 'Account' },
            { key: 'owner', header: 'CSM' },
            { key: 'arr', header: 'ARR', numeric: true, format: (r) => money(r.arr) },
            { key: 'days_since_first_value', header: 'Since First Value', numeric: true, format: (r) => days(r.days_since_first_value) },
            { key: 'last_insight_shared_on', header: 'Last insight shared' },
          ]}
        />
      </Section>
    </>
  );
}
