import type { Dashboard } from '@/lib/dashboard';
import type { DashboardMember } from '@/lib/dashboard-data/loaded';
import { BarChart } from './BarChart';
import { DataTable } from './DataTable';
import { days, money, share, withOwner } from './format';
import { Section } from './Section';

/** Cycle time, net revenue retention and forecast against what closed. */
export function TimeViews(props: { dashboard: Dashboard; members: readonly DashboardMember[]; onOpenAccount: (id: string) => void; snapshotControl: React.ReactNode }) {
  const { dashboard, members, onOpenAccount } = props;
  const { nrr } = dashboard;
  return (
    <>
      <Section title="Cycle time" testId="cycle-time" about="How long things take, as distributions: purchase to First Value per account, and each finished stay in a declared stage (percentiles in days).">
        <BarChart
          label="Median days per measure"
          labels={dashboard.cycle_time.map((r) => r.label)}
          series={[
            { name: 'Median days', values: dashboard.cycle_time.map((r) => r.p50 ?? 0) },
            { name: '90th percentile', values: dashboard.cycle_time.map((r) => r.p90 ?? 0) },
          ]}
        />
        <DataTable
          testId="cycle-time-table"
          caption="Cycle time"
          csvName="cycle-time"
          empty="No durations recorded yet."
          rows={dashboard.cycle_time}
          columns={[
            { key: 'label', header: 'Measure' },
            { key: 'count', header: 'Count', numeric: true },
            { key: 'p25', header: '25th pct', numeric: true, format: (r) => days(r.p25) },
            { key: 'p50', header: 'Median', numeric: true, format: (r) => days(r.p50) },
            { key: 'p75', header: '75th pct', numeric: true, format: (r) => days(r.p75) },
            { key: 'p90', header: '90th pct', numeric: true, format: (r) => days(r.p90) },
          ]}
        />
      </Section>
      <Section title="Net revenue retention" testId="nrr" about={`From ${nrr.period_from} to ${nrr.period_to}: customers at the start of the period, their ARR, expansion won and ARR lost to lost renewals. Set the period in the filters.`}>
        <p data-testid="nrr-summary" className="text-sm">
          NRR <strong data-testid="nrr-value">{share(nrr.nrr)}</strong> over {nrr.accounts} accounts: starting ARR {money(nrr.starting_arr)}, expansion {money(nrr.expansion)}, churned {money(nrr.churned)}.
          {nrr.undated_closes > 0 && ` ${nrr.undated_closes} closed opportunities have no date and are not counted.`}
        </p>
        <DataTable
          testId="nrr-table"
          caption="Net revenue retention by account"
          csvName="net-revenue-retention"
          empty="No customer with ARR at the start of the period."
          accountKey="account_id"
          onOpenAccount={onOpenAccount}
          rows={withOwner(dashboard.nrr_accounts, members)}
          columns={[
            { key: 'account_name', header: 'Account' },
            { key: 'owner', header: 'CSM' },
            { key: 'starting_arr', header: 'Starting ARR', numeric: true, format: (r) => money(r.starting_arr) },
            { key: 'expansion', header: 'Expansion', numeric: true, format: (r) => money(r.expansion) },
            { key: 'churned', header: 'Churned', numeric: true, format: (r) => money(r.churned) },
            { key: 'ending_arr', header: 'Ending ARR', numeric: true, format: (r) => money(r.ending_arr) },
          ]}
        />
      </Section>
      <Section
        title="Forecast against what closed"
        testId="forecast"
        actions={props.snapshotControl}
        about="Each weekly snapshot's forecast (opportunities expected to close that week), the part the evidence backed (Intent or beyond when taken), and what was won that week."
      >
        {dashboard.forecast.length > 0 && (
          <BarChart
            label="Forecast, evidence-backed forecast and won amount per week"
            labels={dashboard.forecast.map((r) => r.week_start)}
            series={[
              { name: 'Forecast', values: dashboard.forecast.map((r) => r.forecast_amount) },
              { name: 'Backed by evidence', values: dashboard.forecast.map((r) => r.backed_amount) },
              { name: 'Won', values: dashboard.forecast.map((r) => r.won_amount) },
            ]}
          />
        )}
        <DataTable
          testId="forecast-table"
          caption="Forecast against what closed"
          csvName="forecast-vs-actual"
          empty="No forecast snapshot in the period yet."
          rows={dashboard.forecast}
          columns={[
            { key: 'week_start', header: 'Week of' },
            { key: 'forecast_count', header: 'Forecast', numeric: true },
            { key: 'forecast_amount', header: 'Forecast amount', numeric: true, format: (r) => money(r.forecast_amount) },
            { key: 'backed_amount', header: 'Backed amount', numeric: true, format: (r) => money(r.backed_amount) },
            { key: 'won_count', header: 'Won', numeric: true },
            { key: 'won_amount', header: 'Won amount', numeric: true, format: (r) => money(r.won_amount) },
            { key: 'accuracy', header: 'Won / forecast', numeric: true, format: (r) => share(r.accuracy) },
          ]}
        />
      </Section>
    </>
  );
}
