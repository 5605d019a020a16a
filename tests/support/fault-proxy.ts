import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { seededRandom } from './seeded-random';

/**
 * An HTTP proxy that misbehaves on purpose, between the sync engine and the
 * Supabase test double: the hotel Wi-Fi of the sync tests. Each request gets
 * one fate, drawn from a seeded generator so a failing run can be replayed.
 *
 * - `pass`: forwarded and answered normally.
 * - `drop-before`: the connection is cut before the server sees the request.
 * - `drop-after`: the server handles the request, then the answer is lost:
 *   the case that makes "exactly once" hard.
 * - `delay`: forwarded after a pause.
 * - `duplicate`: sent to the server twice; the client gets the second answer.
 * - `fail-500`, `fail-401`: answered with an error, never forwarded.
 * - `hang`: never answered; the client's own timeout must give up.
 */
export const FATES = ['pass', 'drop-before', 'drop-after', 'delay', 'duplicate', 'fail-500', 'fail-401', 'hang'] as const;
export type Fate = (typeof FATES)[number];

export interface FaultProxyOptions {
  target: string;
  seed: number;
  /** Relative weight of each fate; missing fates never happen. */
  weights: Partial<Record<Fate, number>>;
  /** Only requests whose path starts with one of these misbehave (default: all). */
  paths?: string[];
  maxDelayMs?: number;
}

export interface FaultProxy {
  url: string;
  /** How many requests met each fate. */
  counts: Record<Fate, number>;
  /** Stop misbehaving (every request passes) or start again. */
  setEnabled(enabled: boolean): void;
  close(): Promise<void>;
}

export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const random = seededRandom(options.seed);
  const counts = Object.fromEntries(FATES.map((f) => [f, 0])) as Record<Fate, number>;
  const weighted = FATES.filter((f) => (options.weights[f] ?? 0) > 0);
  const total = weighted.reduce((sum, f) => sum + (options.weights[f] ?? 0), 0);
  const target = new URL(options.target);
  let enabled = true;
  const hanging = new Set<ServerResponse>();

  const pickFate = (path: string): Fate => {
    if (!enabled || total === 0) return 'pass';
    if (options.paths && !options.paths.some((p) => path.startsWith(p))) return 'pass';
    let roll = random() * total;
    for (const fate of weighted) {
      roll -= options.weights[fate] ?? 0;
      if (roll < 0) return fate;
    }
    return 'pass';
  };

  const forward = (req: IncomingMessage, body: Buffer) =>
    new Promise<{ status: number; headers: IncomingMessage['headers']; body: Buffer }>((resolve, reject) => {
      const upstream = httpRequest(
        { host: target.hostname, port: target.port, path: req.url, method: req.method, headers: { ...req.headers, host: target.host } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks) }));
          res.on('error', reject);
        },
      );
      upstream.on('error', reject);
      upstream.end(body);
    });

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        const body = Buffer.concat(chunks);
        const fate = pickFate(new URL(req.url ?? '/', 'http://proxy').pathname);
        counts[fate] += 1;
        switch (fate) {
          case 'drop-before':
            return void req.socket.destroy();
          case 'hang':
            hanging.add(res);
            return;
          case 'fail-500':
            return void res.writeHead(500, { 'Content-Type': 'application/json' }).end('{"code":"XX000","message":"injected failure","details":null,"hint":null}');
          case 'fail-401':
            return void res.writeHead(401, { 'Content-Type': 'application/json' }).end('{"code":"PGRST303","message":"JWT expired","details":null,"hint":null}');
          case 'delay':
            await new Promise((r) => setTimeout(r, Math.floor(random() * (options.maxDelayMs ?? 200))));
            break;
          case 'duplicate':
            await forward(req, body);
            break;
          default:
            break;
        }
        const answer = await forward(req, body);
        if (fate === 'drop-after') return void req.socket.destroy();
        res.writeHead(answer.status, answer.headers).end(answer.body);
      })().catch(() => req.socket.destroy());
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    counts,
    setEnabled(next) {
      enabled = next;
    },
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
