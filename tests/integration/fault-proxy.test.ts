import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFaultProxy } from '../support/fault-proxy';
import { seededRandom } from '../support/seeded-random';

/** A server that counts what reaches it, to see each fate from both sides. */
let server: Server;
let target: string;
let received = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    received += 1;
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ n: received }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  target = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((r) => server.close(() => r())));

async function through(fate: Parameters<typeof startFaultProxy>[0]['weights']) {
  const proxy = await startFaultProxy({ target, seed: 1, weights: fate, maxDelayMs: 20 });
  const before = received;
  const outcome = await fetch(`${proxy.url}/rest/v1/rpc/x`, { method: 'POST', body: '{}', signal: AbortSignal.timeout(500) }).then(
    async (r) => ({ status: r.status, body: (await r.json()) as unknown }),
    (e: Error) => ({ error: e.name }),
  );
  await proxy.close();
  return { outcome, reachedServer: received - before };
}

describe('the fault proxy', () => {
  it('passes requests through', async () => {
    expect(await through({ pass: 1 })).toMatchObject({ outcome: { status: 200 }, reachedServer: 1 });
  });
  it('drops a request before the server sees it', async () => {
    expect(await through({ 'drop-before': 1 })).toMatchObject({ outcome: { error: 'TypeError' }, reachedServer: 0 });
  });
  it('drops the answer after the server handled the request', async () => {
    expect(await through({ 'drop-after': 1 })).toMatchObject({ outcome: { error: 'TypeError' }, reachedServer: 1 });
  });
  it('sends a duplicate to the server', async () => {
    expect(await through({ duplicate: 1 })).toMatchObject({ outcome: { status: 200 }, reachedServer: 2 });
  });
  it('answers 500 and 401 without forwarding', async () => {
    expect(await through({ 'fail-500': 1 })).toMatchObject({ outcome: { status: 500 }, reachedServer: 0 });
    expect(await through({ 'fail-401': 1 })).toMatchObject({ outcome: { status: 401, body: { code: 'PGRST303' } }, reachedServer: 0 });
  });
  it('leaves a request hanging until the client gives up', async () => {
    expect(await through({ hang: 1 })).toMatchObject({ outcome: { error: 'TimeoutError' }, reachedServer: 0 });
  });
  it('draws the same fates for the same seed', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    expect(Array.from({ length: 5 }, a)).toEqual(Array.from({ length: 5 }, b));
  });
});
