import { describe, expect, it } from 'vitest';
import { CRITERIA } from '../criteria';
import { ExplanationWriter, lackingText, markScratch } from './writer';
import { lacks, met } from '../criteria/criterion';

describe('the explanation writer', () => {
  it('gives each criterion the ids written since the previous one closed', () => {
    const out = new ExplanationWriter();
    out.begin();
    out.id('a');
    out.met(0);
    out.notMet(1, 'nothing yet');
    out.id('b');
    out.id('c');
    out.notMet(2, 'falls short');
    expect(out.ids.slice(0, out.count)).toEqual(['a', 'b', 'c']);
    expect(out.starts.slice(0, 4)).toEqual([0, 1, 1, 3]);
    expect(out.lacking.slice(0, 3)).toEqual([null, 'nothing yet', 'falls short']);
    expect(out.unmet).toBe(0b110);
    expect(out.isComplete()).toBe(false);
  });

  it('refuses a criterion out of catalog order, which would hand its ids to another', () => {
    const out = new ExplanationWriter();
    out.begin();
    expect(() => out.met(1)).toThrow(/catalog order/);
  });

  it('starts over on begin, and knows when every criterion is written', () => {
    const out = new ExplanationWriter();
    out.begin();
    for (let i = 0; i < CRITERIA.length; i += 1) out.notMet(i, 'x');
    expect(out.isComplete()).toBe(true);
    out.begin();
    expect([out.count, out.unmet, out.isComplete()]).toEqual([0, 0, false]);
    expect(() => out.met(0)).not.toThrow();
  });

  it('takes the text of a not-met verdict, and refuses a met one', () => {
    expect(lackingText(lacks('No goal yet.'))).toBe('No goal yet.');
    expect(() => lackingText(met(['x']))).toThrow();
  });

  it('grows a mark scratch to the longest list, keeping one array for shorter ones', () => {
    const marksFor = markScratch();
    const small = marksFor(10);
    expect(marksFor(64)).toBe(small);
    expect(marksFor(500).length).toBeGreaterThanOrEqual(500);
  });
});
