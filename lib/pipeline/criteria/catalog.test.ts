import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STAGE_IDS, STAGE_LABELS, type StageId } from '../stages';
import { CRITERIA, CRITERIA_BY_STAGE } from './index';

// shared/ sits beside the repository (CI clones it there): up from lib/pipeline/criteria to the repo root, then one more.
const SHARED = resolve(import.meta.dirname, '../../../../shared') + '/';
const DOMAIN_PAGE = `${SHARED}domain/post-sale-pipeline.md`;
const SEEDS = `${SHARED}seeds/`;

function readDomainPage(): string {
  if (!existsSync(DOMAIN_PAGE)) {
    throw new Error(`The domain page is missing: expected it at ${DOMAIN_PAGE} (shared/ must be checked out beside the repository).`);
  }
  return readFileSync(DOMAIN_PAGE, 'utf8');
}

interface PageCriterion {
  id: string;
  stage: StageId;
  importance: string;
}

/** The exit criteria as the domain page lists them: under "**<Stage> → …**" headings, as "`id` (required…" or "`id` (recommended…". */
function criteriaOfDomainPage(page: string): PageCriterion[] {
  const start = page.indexOf('Exit criteria');
  const end = page.indexOf('Intent signal kinds');
  if (start < 0 || end < start) throw new Error('The domain page no longer has its "Exit criteria" … "Intent signal kinds" section.');
  const stageByLabel = new Map(STAGE_IDS.map((id) => [STAGE_LABELS[id], id]));
  const found: PageCriterion[] = [];
  let stage: StageId | undefined;
  for (const line of page.slice(start, end).split('\n')) {
    const heading = /^\*\*(.+?) →/.exec(line);
    if (heading) {
      stage = stageByLabel.get(heading[1]!.trim());
      if (!stage) throw new Error(`Unknown stage heading on the domain page: ${line}`);
      continue;
    }
    for (const match of line.matchAll(/`([a-z_]+)`\s*\((required|recommended)\b/g)) {
      if (!stage) throw new Error(`Criterion ${match[1]} appears before any stage heading`);
      found.push({ id: match[1]!, stage, importance: match[2]! });
    }
  }
  return found;
}

describe('the catalog matches the domain page', () => {
  const page = criteriaOfDomainPage(readDomainPage());

  it('finds the criteria on the page (the parser still understands it)', () => {
    expect(page.length).toBeGreaterThanOrEqual(25);
    expect(new Set(page.map((c) => c.stage))).toEqual(new Set(STAGE_IDS));
  });

  it('has every criterion id of the page, and none the page lacks', () => {
    const catalog = CRITERIA.map((c) => c.id);
    expect({ missingFromCatalog: page.map((c) => c.id).filter((id) => !catalog.includes(id as never)) }).toEqual({ missingFromCatalog: [] });
    expect({ notOnPage: catalog.filter((id) => !page.some((c) => c.id === id)) }).toEqual({ notOnPage: [] });
  });

  it('gives each criterion the stage, importance and position of the page', () => {
    expect(CRITERIA.map(({ id, stage, importance }) => ({ id, stage, importance }))).toEqual(page);
  });
});

describe('the catalog reads well everywhere it is shown', () => {
  it('has unique ids, and one criterion list per stage in stage order', () => {
    expect(new Set(CRITERIA.map((c) => c.id)).size).toBe(CRITERIA.length);
    expect(STAGE_IDS.flatMap((s) => CRITERIA_BY_STAGE[s])).toEqual([...CRITERIA]);
  });

  it.each(CRITERIA.map((c) => [c.id, c] as const))('%s has a label and its own question', (_id, criterion) => {
    expect(criterion.label.length).toBeGreaterThan(5);
    expect(criterion.question).toMatch(/^[A-Z].{20,}\?$/);
    expect(CRITERIA.filter((c) => c.question === criterion.question)).toHaveLength(1);
  });

  it('never copies a sentence of the book: no run of 7 words of a chapter appears in a label or question', () => {
    const words = (text: string) => text.toLowerCase().replace(/[’']/g, "'").match(/[a-z0-9']+/g) ?? [];
    const runs = new Set<string>();
    for (const file of readdirSync(SEEDS)) {
      const w = words(readFileSync(SEEDS + file, 'utf8'));
      for (let i = 0; i + 7 <= w.length; i += 1) runs.add(w.slice(i, i + 7).join(' '));
    }
    const copied = CRITERIA.flatMap((c) =>
      [c.label, c.question].filter((text) => {
        const w = words(text);
        for (let i = 0; i + 7 <= w.length; i += 1) if (runs.has(w.slice(i, i + 7).join(' '))) return true;
        return false;
      }),
    );
    expect(copied).toEqual([]);
  });
});
