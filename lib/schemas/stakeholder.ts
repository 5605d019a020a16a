import { z } from 'zod';
import { STAKEHOLDER_INFLUENCES, STAKEHOLDER_POSITIONS, STAKEHOLDER_ROLES } from '../pipeline/facts';
import { EmailAddress, optionalText, recordMeta, requiredText, Uuid } from './common';

/** A person at the customer: roles in the decision, position, influence, and what they still need to believe. */
export const Stakeholder = z.strictObject({
  ...recordMeta,
  account_id: Uuid,
  name: requiredText(200),
  email: EmailAddress.nullable().default(null),
  title: optionalText(200),
  roles: z.array(z.enum(STAKEHOLDER_ROLES)).max(11).default([]),
  position: z.enum(STAKEHOLDER_POSITIONS).default('unknown'),
  influence: z.enum(STAKEHOLDER_INFLUENCES).nullable().default(null),
  belief_needed: optionalText(2000),
  notes: optionalText(5000),
});
export type Stakeholder = z.infer<typeof Stakeholder>;
