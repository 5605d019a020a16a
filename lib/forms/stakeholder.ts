import type { StakeholderInfluence } from './enum-types';
import type { StakeholderPosition, StakeholderRole } from '../pipeline/facts';
import type { BuildContext } from './build-context';
import { textOrNull } from './form-values';
import { validateDraft, type BuildResult, type DraftOf, type FieldMap } from './validate';

export interface StakeholderFormValues {
  name: string;
  email: string;
  title: string;
  roles: StakeholderRole[];
  position: StakeholderPosition;
  /** `''`: not judged yet. */
  influence: StakeholderInfluence | '';
  belief_needed: string;
  notes: string;
}

export const STAKEHOLDER_DEFAULTS: StakeholderFormValues = {
  name: '',
  email: '',
  title: '',
  roles: [],
  position: 'unknown',
  influence: '',
  belief_needed: '',
  notes: '',
};

export const FIELDS: FieldMap = {
  name: 'name',
  email: 'email',
  title: 'title',
  roles: 'roles',
  position: 'position',
  influence: 'influence',
  belief_needed: 'belief_needed',
  notes: 'notes',
};

export function buildStakeholder(values: StakeholderFormValues, ctx: BuildContext): BuildResult<DraftOf<'stakeholders'>> {
  return validateDraft(
    'stakeholders',
    {
      id: ctx.id,
      account_id: ctx.accountId,
      name: values.name.trim(),
      // Addresses are stored lower-case, so the same person typed twice is one stakeholder.
      email: textOrNull(values.email)?.toLowerCase() ?? null,
      title: textOrNull(values.title),
      roles: values.roles,
      position: values.position,
      influence: values.influence === '' ? null : values.influence,
      belief_needed: textOrNull(values.belief_needed),
      notes: textOrNull(values.notes),
    },
    FIELDS,
  );
}
