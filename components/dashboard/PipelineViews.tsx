import type { Dashboard } from '@/lib/dashboard';
import type { DashboardMember } from '@/lib/dashboard-data/loaded';
import { EVIDENCE_STAGE_LABELS, STAGE_LABELS } from '@/lib/pipeline/stages';
import { AccountLinks } from './AccountLinks';
import { BarChart } from './BarChart';
import { DataTable } from './DataTable';
import { days, money, share, withOwner } from './format';
import { Section } from './Section';

type Open = (accountId: string) => void;

/** Pipeline by stage, the missing evidence that blocks most, and stalled opportunities. */
export function PipelineViews({ dashboard, members, onOpenAccount }: { dashboard: Dashboard; members: readonly DashboardMember[]; onOpenAccount: Open }) {
  const stages = dashboard.pipeline_by_stage;
  return (
    <>
      <Section title="Pipeline by stage" testId="pipeline-by-stage" about={`${dashboard.open_opportunities} open opportunities: where the CSMs declare them, where the evidence puts them, and how many declared at a stage lack the evidence for it (unbacked).`}>
        <BarChart
          label="Open opportunities per stage, declared and by evidence"
          labels={stages.map((s) => s.label)}
          series={[
            { name: 'Declared', values: stages.map((s) => s.declared_count) },
            { name: 'By evidence', values: stages.map((s) => s.evidence_count) },
          ]}
        />
        <DataTable
          testId="pipeline-table"
          caption="Pipeline by stage"
          csvName="pipeline-by-stage"
          empty="No open opportunity matches the filters."
          rows={dashboard.open_opportunities === 0 ? [] : stages}
          columns={[
            { key: 'label', header: 'Stage' },
            { key: 'declared_count', header: 'Declared', numeric: true },
            { key: 'declared_amount', header: 'Declared amount', numeric: true, format: (r) => money(r.declared_amount) },
            { key: 'evidence_count', header: 'By evidence', numeric: true },
            { key: 'evidence_amount', header: 'Evidence amount', numeric: true, format: (r) => money(r.evidence_amount) },
            { key: 'unbacked_count', header: 'Unbacked', numeric: true },
            { key: 'unbacked_share', header: 'Unbacked share', numeric: true, format: (r) => share(r.unbacked_share) },
          ]}
        />
      </Section>
      <Section title="Missing evidence that blocks most" testId="blocking-evidence" about="Required evidence missing at an opportunity's evidence stage (blocking), or skipped by a stage declared ahead (unbacked), and the accounts behind each.">
        <DataTable
          testId="blocking-table"
          caption="Missing evidence that blocks most"
          csvName="blocking-evidence"
          empty="Nothing is blocking the open opportunities that match the filters."
          rows={dashboard.blocking_evidence}
          columns={[
            { key: 'label', header: 'Evidence' },
            { key: 'stage', header: 'Stage', format: (r) => STAGE_LABELS[r.stage] },
            { key: 'blocked_count', header: 'Blocking', numeric: true },
            { key: 'blocked_amount', header: 'Amount held', numeric: true, format: (r) => money(r.blocked_amount) },
            { key: 'unbacked_count', header: 'Unbacked', numeric: true },
            {
              key: 'account_names',
              header: 'Accounts',
              format: (r) => (
                <AccountLinks ids={r.account_ids} names={r.account_names} onOpenAccount={onOpenAccount} />
              ),
            },
          ]}
        />
      </Section>
      <Section title="Stalled opportunities" testId="stalled" about="Open opportunities whose declared stage has not moved for longer than the team's stall threshold.">
        <DataTable
          testId="stalled-table"
          caption="Stalled opportunities"
          csvName="stalled-opportunities"
          empty="No open opportunity has stalled."
          accountKey="account_id"
          onOpenAccount={onOpenAccount}
          rows={withOwner(dashboard.stalled, members)}
          columns={[
            { key: 'account_name', header: 'Account' },
            { key: 'title', header: 'Opportunity' },
            { key: 'owner', header: 'CSM' },
            { key: 'declared_stage', header: 'Declared', format: (r) => STAGE_LABELS[r.declared_stage] },
            { key: 'evidence_stage', header: 'By evidence', format: (r) => EVIDENCE_STAGE_LABELS[r.evidence_stage] },
            { key: 'days_in_stage', header: 'Days in stage', numeric: true, format: (r) => days(r.days_in_stage) },
            { key: 'amount', header: 'Amount', numeric: true, format: (r) => money(r.amount) },
          ]}
        />
      </Section>
    </>
  );
}
