import type { BuildContext } from './build-context';
import type { MilestoneKind } from './enum-types';
import { validateDraft, type BuildResult, type DraftOf, type FieldMap } from './validate';

export interface MilestoneFormValues {
  kind: MilestoneKind;
  reached_on: string;
}

export const MILESTONE_DEFAULTS: MilestoneFormValues = { kind: 'kickoff', reached_on: '' };

export const FIELDS: FieldMap = { kind: 'kind', reached_on: 'reached_on', 'account_id,kind': 'kind' };

/** Milestones carry no source columns: they are facts about the account, not evidence from one thread. */
export function buildMilestone(values: MilestoneFormValues, ctx: BuildContext): BuildResult<DraftOf<'account_milestones'>> {
  return validateDraft('account_milestones', { id: ctx.id, account_id: ctx.accountId, kind: values.kind, reached_on: values.reached_on }, FIELDS);
}
