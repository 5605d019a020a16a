import type { StakeholderOption } from '../form-types';
import { CheckboxGroup } from './CheckboxGroup';
import type { FieldBase } from './field-ids';
import { Select } from './Select';

function nameOf(person: StakeholderOption): string {
  return person.email ? `${person.name} (${person.email})` : person.name;
}

interface ManyProps extends FieldBase {
  stakeholders: readonly StakeholderOption[];
  values: readonly string[];
  onChange(ids: string[]): void;
}

/** Pick the stakeholders a record concerns (attendees, audience, who said it). */
export function StakeholdersPicker({ stakeholders, ...props }: ManyProps) {
  return (
    <CheckboxGroup
      {...props}
      columns={1}
      options={stakeholders.map((person) => ({ value: person.id, label: nameOf(person) }))}
      empty="No stakeholders on this account yet."
    />
  );
}

interface OneProps extends FieldBase {
  stakeholders: readonly StakeholderOption[];
  value: string;
  onChange(id: string): void;
}

/** Pick the one stakeholder a record is about; `''` until chosen. */
export function StakeholderPicker({ stakeholders, ...props }: OneProps) {
  const options = [{ value: '', label: stakeholders.length === 0 ? 'No stakeholders yet: add one first' : 'Choose a stakeholder' }];
  return <Select {...props} options={[...options, ...stakeholders.map((person) => ({ value: person.id, label: nameOf(person) }))]} />;
}
