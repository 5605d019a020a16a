import type { OpportunityOption } from '../form-types';
import { Select } from './Select';

interface OpportunityFieldProps {
  id: string;
  /** The opportunity the form was opened for: when set, nothing is asked. */
  fixedId: string | undefined;
  opportunities: readonly OpportunityOption[] | undefined;
  value: string;
  onChange(id: string): void;
  error?: string | undefined;
  /** Whether the record must belong to an opportunity (an intent signal, a close record). */
  required: boolean;
}

/** Asks which opportunity the record belongs to, only when the form was not opened for one. */
export function OpportunityField({ id, fixedId, opportunities = [], value, onChange, error, required }: OpportunityFieldProps) {
  if (fixedId) return null;
  const first = required
    ? { value: '', label: opportunities.length === 0 ? 'No open opportunity: create one first' : 'Choose an opportunity' }
    : { value: '', label: 'The whole account' };
  return (
    <Select
      id={id}
      label="Opportunity"
      required={required}
      value={value}
      error={error}
      onChange={onChange}
      options={[first, ...opportunities.map((o) => ({ value: o.id, label: o.title }))]}
    />
  );
}
