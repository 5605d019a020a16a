import { defineCriterion, lacks, met } from './criterion';

/** Exported for the one-pass evaluation (`one-pass/identify.ts`), which must say what this rule says. */
export const NO_SOURCE = lacks('Where this opportunity came from is not noted yet.');

/** Identify → Align: the opportunity is written down, with where it came from. */
export const IDENTIFY_CRITERIA = [
  defineCriterion({
    id: 'opportunity_logged',
    stage: 'identify',
    importance: 'required',
    label: 'Opportunity written down with its source',
    question:
      'What first put this on your radar: something you planned from the start, a gap since launch, a limit you are running into, or a need coming up?',
    // The type is always set (the schema requires it); the source is what a CSM forgets.
    isMet: ({ opportunity }) => opportunity.source !== null,
    explain: ({ opportunity }) => (opportunity.source === null ? NO_SOURCE : met([opportunity.id])),
  }),
] as const;
