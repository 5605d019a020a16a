import { parseDashboardInput } from '../dashboard/input';
import type { Preassessed } from '../dashboard/prepare';
import { dashboardSourceOf, type DashboardSource } from '../dashboard/source';
import { createWorkspaceAssembler } from './assemble';
import type { HandoffPayload } from './handoff';
import { DashboardTable } from './stream-messages';

/**
 * The page's side of a kept read (handoff.ts): the text the background left,
 * decoded exactly as the stream's pages are (assemble.ts), or a sentence
 * saying what did not fit.
 */
export type Decoded =
  /** `preassessed`: opportunities assessed as their pages were decoded (assemble.ts), for `indexDashboard`. */
  | { ok: true; source: DashboardSource; preassessed?: Preassessed }
  | { ok: false; message: string };

/** The local store's whole input, as JSON text (solo). */
export function decodeInputJson(json: string): Decoded {
  try {
    const parsed = parseDashboardInput(JSON.parse(json));
    return parsed.ok ? { ok: true, source: dashboardSourceOf(parsed.input) } : parsed;
  } catch (error) {
    return { ok: false, message: `The dashboard data could not be read: ${error instanceof Error ? error.message : String(error)}` };
  }
}

export function decodeHandoff(payload: HandoffPayload): Decoded {
  try {
    if (payload.kind === 'input') return decodeInputJson(payload.json);
    const assembler = createWorkspaceAssembler();
    assembler.begin(payload.now);
    for (const [name, pages] of Object.entries(payload.pages)) {
      const table = DashboardTable.safeParse(name);
      if (!table.success) return { ok: false, message: `The kept read holds an unknown table, ${name}.` };
      let offset = 0;
      for (const [page, text] of pages.entries()) {
        const rows = assembler.add(table.data, page, offset, text);
        if (rows === null) return { ok: false, message: assembler.failure ?? 'The kept read does not fit.' };
        offset += rows;
      }
    }
    return assembler.finish(payload.now);
  } catch (error) {
    return { ok: false, message: `The dashboard data could not be read: ${error instanceof Error ? error.message : String(error)}` };
  }
}
