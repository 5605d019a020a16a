import { defineCriterion, met, notMet } from './criterion';

/** Identify → Align: the opportunity is written down, with where it came from. */
export const IDENTIFY_CRITERIA = [
  defineCriterion({
    id: 'opportunity_logged',
    stage: 'identify',
    importance: 'required',
    label: 'Opportunity written down with its source',
    question:
      'What first put this on your radar: something you planned from the start, a gap since launch, a limit you are running into, or a need coming up?',
    rule: ({ opportunity }) =>
      // The type is always set (the schema requires it); the source is what a CSM forgets.
      opportunity.source === null
        ? notMet('Where this opportunity came from is not noted yet.')
        : met([opportunity.id]),
  }),
] as const;
