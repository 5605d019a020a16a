import { describe, expect, it } from 'vitest';
import { answerWorkspaceRead, grantWorkspaceRead } from '../background/workspace-proxy';
import { DirectReadGone, readDirect } from './direct-read';
import { WorkspaceReadError } from './fetch-workspace';
import type { DirectRead } from './stream-messages';

const ORIGIN = 'chrome-extension://sidecar';
const BASE = `${ORIGIN}/`;
const ORG = '11111111-1111-4111-8111-111111111111';
const ME = '22222222-2222-4222-8222-222222222222';
const NOW = '2026-11-22T12:00:00.000Z';

/**
 * A workspace of three accounts (one facts row each) behind the worker's
 * answer to the page's reads: what the page asks goes through
 * `answerWorkspaceRead` as a `fetch` event would, then to this server.
 */
function setUp(options: { refuse?: string; down?: boolean } = {}) {
  const pageAsked: Headers[] = [];
  const serverAsked: { relation: string; authorization: string | null }[] = [];
  const server = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(String(input));
    const relation = url.pathname.split('/').at(-1)!;
    serverAsked.push({ relation, authorization: new Headers(init?.headers).get('authorization') });
    if (options.down) throw new TypeError('connection refused');
    if (relation === options.refuse) return new Response('{"message":"permission denied"}', { status: 401 });
    const rows: Record<string, unknown[]> = {
      organizations: [{ id: ORG, name: 'Brightpath' }],
      members: [{ user_id: ME, role: 'manager', email: 'me@vendor.example', display_name: 'Me' }],
      dashboard_account_facts: url.searchParams.get('select') === 'account_id' ? [{ account_id: 'a' }] : [],
    };
    const answer = rows[relation] ?? [];
    const total = relation === 'dashboard_account_facts' ? 3 : answer.length;
    return new Response(JSON.stringify(answer), { headers: { 'content-range': answer.length ? `0-${answer.length - 1}/${total}` : `*/${total}` } });
  }) as typeof fetch;
  const stream = new AbortController();
  const path = grantWorkspaceRead({ url: 'https://project.example', anonKey: 'anon', accessToken: 'user-token' }, stream.signal);
  const page = (async (input: string | URL | Request, init?: RequestInit) => {
    const request = new Request(String(input), init);
    pageAsked.push(request.headers);
    let answer: Promise<Response> | null = null;
    if (!answerWorkspaceRead({ request, respondWith: (r) => void (answer = r) }, BASE, server)) throw new TypeError('not the worker’s');
    return answer!;
  }) as typeof fetch;
  const read: DirectRead = { path, organization_id: ORG, from_week: '2026-01-01', user: { id: ME, email: 'me@vendor.example' }, handoff_id: 'h1' };
  return { read, page, pageAsked, serverAsked, endStream: () => stream.abort() };
}

describe('the page reads the workspace itself, through the worker', () => {
  it('gets every table’s pages and the answer, and never holds the token', async () => {
    const { read, page, pageAsked, serverAsked } = setUp();
    const seen: string[] = [];
    const result = await readDirect(read, NOW, (table, index) => void seen.push(`${table}/${index}`), new AbortController().signal, { fetch: page, origin: ORIGIN });
    expect(result.answer).toEqual({
      source: 'workspace',
      organization: { id: ORG, name: 'Brightpath' },
      user: { email: 'me@vendor.example', role: 'manager' },
      members: [{ user_id: ME, label: 'Me' }],
      fetched_at: NOW,
      handoff_id: 'h1',
    });
    expect(seen).toContain('organization/0');
    expect(seen.filter((s) => s.startsWith('account_facts/'))).toEqual(['account_facts/0']);
    expect(result.pages.members).toHaveLength(1);
    expect(pageAsked.every((headers) => headers.get('authorization') === null && headers.get('apikey') === null)).toBe(true);
    expect(serverAsked.length).toBeGreaterThan(8);
    expect(serverAsked.every((a) => a.authorization === 'Bearer user-token')).toBe(true);
  });

  it('a page that does not fit stops the read with its own reason', async () => {
    const { read, page } = setUp();
    const misfit = new Error('account_facts.0: not a fact');
    const reading = readDirect(read, NOW, (table) => {
      if (table === 'account_facts') throw misfit;
    }, new AbortController().signal, { fetch: page, origin: ORIGIN });
    await expect(reading).rejects.toBe(misfit);
  });

  it('says the workspace’s refusal, or why it could not be reached, as the background would', async () => {
    const refused = setUp({ refuse: 'accounts' });
    await expect(readDirect(refused.read, NOW, () => undefined, new AbortController().signal, { fetch: refused.page, origin: ORIGIN })).rejects.toThrow(new WorkspaceReadError('The workspace refused to read accounts (401): {"message":"permission denied"}', 401));
    const down = setUp({ down: true });
    await expect(readDirect(down.read, NOW, () => undefined, new AbortController().signal, { fetch: down.page, origin: ORIGIN })).rejects.toThrow('The workspace could not be reached: connection refused');
  });

  it('a grant the worker no longer has (it was stopped) makes the page ask again', async () => {
    const { read, page, endStream } = setUp();
    endStream();
    await expect(readDirect(read, NOW, () => undefined, new AbortController().signal, { fetch: page, origin: ORIGIN })).rejects.toBeInstanceOf(DirectReadGone);
  });

  it('the page’s own request to the worker failing (the worker stopped mid-read) makes the page ask again', async () => {
    const { read, page } = setUp();
    let asked = 0;
    const stopsMidRead = (async (input: string | URL | Request, init?: RequestInit) => {
      asked += 1;
      if (asked > 3) throw new TypeError('Failed to fetch');
      return page(input, init);
    }) as typeof fetch;
    const reading = readDirect(read, NOW, () => undefined, new AbortController().signal, { fetch: stopsMidRead, origin: ORIGIN });
    await expect(reading).rejects.toBeInstanceOf(DirectReadGone);
    await expect(reading).rejects.toThrow('The read broke off before all the data came: Failed to fetch');
  });

  it('the page giving up stops the read with its reason', async () => {
    const { read, page } = setUp();
    const leaving = new AbortController();
    const reason = new Error('the page closed');
    leaving.abort(reason);
    await expect(readDirect(read, NOW, () => undefined, leaving.signal, { fetch: page, origin: ORIGIN })).rejects.toBe(reason);
  });
});
