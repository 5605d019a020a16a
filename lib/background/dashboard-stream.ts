import type { Browser } from 'wxt/browser';
import { chunksOf, DASHBOARD_STREAM_PORT, StreamRequest, type StreamMessage } from '../dashboard-data/stream-messages';
import { classifySender, type SenderEnvironment } from '../messaging/sender';
import type { SidecarDb } from '../store/db';
import { readDashboard, type DashboardRead } from './dashboard-read';

/** What the stream needs of a `runtime.Port`; tests pass a pair of fakes. */
export type StreamPort = Pick<Browser.runtime.Port, 'name' | 'sender' | 'postMessage' | 'disconnect' | 'onMessage' | 'onDisconnect'>;

/**
 * Serves one dashboard page's data stream (lib/dashboard-data/stream-messages.ts)
 * on a port it opened. Only Sidecar's own pages may open it (the sender the
 * browser reported); a page's malformed message closes the port. The page
 * closing the port stops the read: requests in flight are aborted, nothing
 * more is sent, nothing is kept. The read is kept for the next open only
 * after the page says the figures are on screen, so writing it never delays
 * the first paint. A page that can read the workspace through the worker
 * (`start` with `direct`, Chromium) is given a grant for that instead of the
 * pages (workspace-proxy.ts); it lasts as long as the port.
 *
 * Returns `false` when the port is not the dashboard's (another listener's)
 * or its sender is refused.
 */
export function serveDashboardStream(port: StreamPort, store: () => SidecarDb, env: SenderEnvironment, read: typeof readDashboard = readDashboard): boolean {
  if (port.name !== DASHBOARD_STREAM_PORT) return false;
  if (!port.sender || classifySender(port.sender, env) !== 'extension') {
    port.disconnect();
    return false;
  }
  const controller = new AbortController();
  let started = false;
  let keep: (() => Promise<void>) | null = null;

  const post = (message: StreamMessage) => {
    if (controller.signal.aborted) return;
    try {
      port.postMessage(message);
    } catch {
      // The page went away between two messages; its disconnect stops the read.
      controller.abort();
    }
  };
  const close = () => {
    controller.abort();
    port.disconnect();
  };

  port.onDisconnect.addListener(() => controller.abort());
  port.onMessage.addListener((raw: unknown) => {
    const request = StreamRequest.safeParse(raw);
    if (!request.success) return close();
    if (request.data.type === 'start') {
      if (started) return close();
      started = true;
      void run(request.data.direct === true);
    } else if (keep) {
      const kept = keep;
      keep = null;
      // Best effort: failing to keep a read costs the next open its quick paint, nothing else.
      void kept().catch(() => undefined);
    }
  });

  async function run(direct: boolean) {
    // Marks for the page benchmark, read from the worker (bench/dashboard-page.bench.ts).
    performance.mark('dashboard-bg:asked');
    let result: DashboardRead;
    try {
      result = await read(store(), {
        begin: (now) => post({ type: 'begin', now }),
        page: (table, page, offset, text) => chunksOf(text).forEach((piece, i, all) => post({ type: 'text', table, page, offset, text: piece, end: i === all.length - 1 })),
        input: (json) => chunksOf(json).forEach((piece, i, all) => post({ type: 'input', text: piece, end: i === all.length - 1 })),
        direct: (read) => post({ type: 'direct', read }),
      }, controller.signal, { direct });
    } catch (error) {
      if (controller.signal.aborted) return;
      result = { ok: false, message: `The dashboard data could not be read: ${error instanceof Error ? error.message : String(error)}` };
    }
    if (controller.signal.aborted) return;
    if (!result.ok) return post({ type: 'error', message: result.message.slice(0, 2000) });
    // The page reads the pages itself and keeps them; the port stays open as long as its grant.
    if ('readByPage' in result) return;
    keep = result.keep;
    post({ type: 'done', answer: result.answer });
  }
  return true;
}
