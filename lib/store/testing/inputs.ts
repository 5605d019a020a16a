/**
 * Small factories of valid record inputs (what a page sends with `store.put`),
 * one per kind; tests override only what they are about.
 */
export const uuid = () => crypto.randomUUID();

export const accountInput = (over: Record<string, unknown> = {}) => ({ id: uuid(), name: 'Acme Corp', ...over });
export const domainInput = (account_id: string, domain: string) => ({ id: uuid(), account_id, domain });
export const stakeholderInput = (account_id: string, over: Record<string, unknown> = {}) => ({
  id: uuid(),
  account_id,
  name: 'Dana Reyes',
  email: 'dana@acme.example',
  ...over,
});
export const opportunityInput = (account_id: string, over: Record<string, unknown> = {}) => ({
  id: uuid(),
  account_id,
  title: 'Renewal 2027',
  type: 'renewal',
  ...over,
});
export const goalInput = (account_id: string, over: Record<string, unknown> = {}) => ({
  id: uuid(),
  account_id,
  statement: 'Cut onboarding time in half',
  ...over,
});
