import type { BuildContext } from '@/lib/forms/build-context';
import type { QuickLogFormProps } from './form-types';

/** What the builders need from a form's props. */
export function buildContextOf<P>(props: QuickLogFormProps<P>): Omit<BuildContext, 'id'> {
  return { accountId: props.accountId, opportunityId: props.opportunityId, source: props.source };
}

/** Defaults, then the opportunity the form was opened for, then the caller's prefill. */
export function initialValues<V extends object>(defaults: V, props: QuickLogFormProps<V>): V {
  const withOpportunity = 'opportunity_id' in defaults && props.opportunityId ? { opportunity_id: props.opportunityId } : {};
  return { ...defaults, ...withOpportunity, ...props.prefill };
}
