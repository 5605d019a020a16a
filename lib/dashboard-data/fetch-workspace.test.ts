import { describe, expect, it, vi } from 'vitest';
import { fetchDashboardPages } from './fetch-workspace';

/** A workspace whose `accounts` hold six rows served two at a time; every other table is empty. */
function workspace(answerLater: (offset: number) => boolean) {
  const releases: (() => void)[] = [];
  const answered = new Set<number>();
  const fakeFetch = (async (input: string | URL | Request) => {
    const url = new URL(String(input));
    const relation = url.pathname.split('/').at(-1);
    const offset = Number(url.searchParams.get('offset'));
    if (relation !== 'accounts') return new Response('[]', { headers: { 'content-range': '*/0' } });
    const rows = [offset, offset + 1].map((i) => ({ id: `account-${i}` }));
    const response = new Response(JSON.stringify(rows), { headers: { 'content-range': `${offset}-${offset + 1}/6` } });
    if (!answerLater(offset)) {
      answered.add(offset);
      return response;
    }
    // Held until every other request has been answered: this page comes back last.
    await new Promise<void>((release) => releases.push(release));
    return response;
  }) as typeof globalThis.fetch;
  return { fetch: fakeFetch, answered, releaseHeld: () => releases.splice(0).forEach((release) => release()) };
}

describe('fetchDashboardPages', () => {
  it("hands on a table's pages in their order, even when a later page is answered first", async () => {
    const { fetch, answered, releaseHeld } = workspace((offset) => offset === 2);
    const seen: { page: number; offset: number; text: string }[] = [];
    const read = fetchDashboardPages({ url: 'https://project.example', anonKey: 'anon', accessToken: 'token', fetch }, 'org', '2026-01-01', {
      onPage: (table, page, offset, text) => {
        if (table === 'accounts') seen.push({ page, offset, text });
      },
    });
    // Page 2 (offset 4) answered while page 1 is held; a moment more for its text to be read.
    await vi.waitFor(() => expect(answered.has(4)).toBe(true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    // Page 0 came before the others were asked; page 2 waits for page 1.
    expect(seen.map((s) => s.page)).toEqual([0]);
    releaseHeld();
    const pages = await read;
    expect(seen.map((s) => [s.page, s.offset])).toEqual([
      [0, 0],
      [1, 2],
      [2, 4],
    ]);
    expect(pages.accounts!.map((text) => (JSON.parse(text) as { id: string }[]).map((row) => row.id))).toEqual([
      ['account-0', 'account-1'],
      ['account-2', 'account-3'],
      ['account-4', 'account-5'],
    ]);
  });
});
