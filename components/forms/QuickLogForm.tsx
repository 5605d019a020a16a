import type { QuickLogKind } from '@/lib/forms/quick-log-kinds';
import { AccountForm } from './AccountForm';
import { BusinessCaseForm } from './BusinessCaseForm';
import { CloseRecordForm } from './CloseRecordForm';
import { CommunicationStepForm } from './CommunicationStepForm';
import type { GoalOption, QuickLogFormProps } from './form-types';
import { GoalForm } from './GoalForm';
import { InsightForm } from './InsightForm';
import { IntentSignalForm } from './IntentSignalForm';
import { MeetingForm } from './MeetingForm';
import { MilestoneForm } from './MilestoneForm';
import { OpportunityForm } from './OpportunityForm';
import { OutcomeForm } from './OutcomeForm';
import { StakeholderForm } from './StakeholderForm';
import { UseCaseForm } from './UseCaseForm';

/**
 * Opens the form of one kind: the panel keeps `kind` in its state (set by
 * `QuickLogMenu`'s `onChoose`) and renders this in place of its body until
 * `onSaved` or `onCancel`. `prefill` is the chosen form's values type.
 */
export type QuickLogFormSwitchProps = QuickLogFormProps<Record<string, unknown>> & {
  kind: QuickLogKind;
  /** The account's goals, for "progress toward a goal". */
  goals?: readonly GoalOption[];
};

export function QuickLogForm({ kind, goals = [], ...props }: QuickLogFormSwitchProps) {
  // The prefill is typed per form; the switch passes it through to the one it opens.
  const p = props as QuickLogFormProps<never>;
  switch (kind) {
    case 'stakeholder':
      return <StakeholderForm {...p} />;
    case 'intent_signal':
      return <IntentSignalForm {...p} />;
    case 'insight':
      return <InsightForm {...p} />;
    case 'meeting':
      return <MeetingForm {...p} />;
    case 'communication_step':
      return <CommunicationStepForm {...p} />;
    case 'goal':
      return <GoalForm {...p} />;
    case 'outcome':
      return <OutcomeForm {...p} goals={goals} />;
    case 'use_case':
      return <UseCaseForm {...p} />;
    case 'business_case':
      return <BusinessCaseForm {...p} />;
    case 'close_record':
      return <CloseRecordForm {...p} />;
    case 'milestone':
      return <MilestoneForm {...p} />;
    case 'opportunity':
      return <OpportunityForm {...p} />;
    case 'account':
      return <AccountForm {...p} />;
  }
}
