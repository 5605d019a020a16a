import { dayNumber } from '../pipeline/days';
import { stageIndex } from '../pipeline/stages';
import { closedDay } from './close-dates';
import type { FilteredDashboard } from './filters';
import { isoDay } from './nrr';

/**
 * Forecast against what closed, one row per weekly snapshot within the period.
 * A snapshot taken on `week_start` forecasts the week it opens (that day and the six
 * after): `forecast_amount` sums its lines expected to close in that week.
 * `won_amount` is what was won in that week (dated as in close-dates.ts), forecast or
 * not; `won_of_forecast` the part of it the snapshot had named; `accuracy` is
 * won_amount / forecast_amount (1 = exactly as forecast; null when nothing was
 * forecast). `backed_*` are the forecast lines whose evidence stage, at the
 * snapshot's time, had reached Intent or beyond: the customer was organising the
 * decision, not only the CSM declaring it (lines without an evidence stage are not
 * backed). Snapshot lines are narrowed by CSM, renewal window (through their
 * account) and type; wins likewise.
 */
export interface ForecastWeekRow {
  week_start: string;
  forecast_count: number;
  forecast_amount: number;
  backed_count: number;
  backed_amount: number;
  won_count: number;
  won_amount: number;
  won_of_forecast: number;
  accuracy: number | null;
}

const INTENT = stageIndex('intent');

export function forecastVsActual(view: FilteredDashboard): ForecastWeekRow[] {
  const { from, to } = view.period;
  const accountIds = new Set(view.accounts.map((a) => a.account.id));

  const weeks = new Map<number, { forecast: Map<string, number>; count: number; amount: number; backedCount: number; backedAmount: number }>();
  for (const taken of view.prepared.source.forecast_weeks) {
    const week = dayNumber(taken);
    if (week >= from && week <= to && !weeks.has(week)) weeks.set(week, { forecast: new Map(), count: 0, amount: 0, backedCount: 0, backedAmount: 0 });
  }
  for (const line of view.prepared.source.forecast_snapshots) {
    const week = dayNumber(line.week_start);
    if (week < from || week > to || !accountIds.has(line.account_id)) continue;
    if (!view.typeAllowed(line.type)) continue;
    let entry = weeks.get(week);
    if (!entry) weeks.set(week, (entry = { forecast: new Map(), count: 0, amount: 0, backedCount: 0, backedAmount: 0 }));
    const expected = dayNumber(line.expected_close_on);
    if (expected < week || expected > week + 6) continue;
    entry.forecast.set(line.opportunity_id, line.amount);
    entry.count += 1;
    entry.amount += line.amount;
    if (line.evidence_stage !== undefined && stageIndex(line.evidence_stage) >= INTENT) {
      entry.backedCount += 1;
      entry.backedAmount += line.amount;
    }
  }

  const wonByDay: { day: number; id: string; amount: number }[] = [];
  for (const o of view.opportunities) {
    if (o.record.status !== 'won') continue;
    const day = closedDay(o, view.prepared);
    if (day !== null) wonByDay.push({ day, id: o.record.id, amount: o.record.amount ?? 0 });
  }

  return [...weeks.entries()]
    .sort(([a], [b]) => a - b)
    .map(([week, entry]) => {
      let wonCount = 0;
      let wonAmount = 0;
      let wonOfForecast = 0;
      for (const w of wonByDay) {
        if (w.day < week || w.day > week + 6) continue;
        wonCount += 1;
        wonAmount += w.amount;
        if (entry.forecast.has(w.id)) wonOfForecast += w.amount;
      }
      return {
        week_start: isoDay(week),
        forecast_count: entry.count,
        forecast_amount: entry.amount,
        backed_count: entry.backedCount,
        backed_amount: entry.backedAmount,
        won_count: wonCount,
        won_amount: wonAmount,
        won_of_forecast: wonOfForecast,
        accuracy: entry.amount > 0 ? wonAmount / entry.amount : null,
      };
    });
}
