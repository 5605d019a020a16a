import { z } from 'zod';

/**
 * The team settings the stage rules read: how long a piece of time-bound evidence
 * stays fresh. An admin can change them; anything missing falls back to the default.
 *
 * Stored and sent as snake_case JSON, like the facts, so the database can hold them
 * as they are.
 */
export const DEFAULT_FRESHNESS_DAYS = {
  /** A goal confirmed as still current this many days ago or less backs `goal_current`. */
  goal_current: 90,
  /** An insight shared this many days ago or less backs `insight_shared`. */
  insight_shared: 90,
} as const;

/** A window is whole days, at least one day and at most ten years. */
const FreshnessWindowDays = z.int().min(1).max(3650);

export const PipelineSettings = z.object({
  freshness_days: z
    .object({
      goal_current: FreshnessWindowDays.default(DEFAULT_FRESHNESS_DAYS.goal_current),
      insight_shared: FreshnessWindowDays.default(DEFAULT_FRESHNESS_DAYS.insight_shared),
    })
    .prefault({}),
});
export type PipelineSettings = z.infer<typeof PipelineSettings>;

/** The settings input as stored: every part optional. */
export type PipelineSettingsInput = z.input<typeof PipelineSettings>;

export const DEFAULT_SETTINGS: PipelineSettings = PipelineSettings.parse({});

/** Time-bound criteria, by the key of their window. */
export type FreshnessWindow = keyof PipelineSettings['freshness_days'];
