import { useCallback, useEffect, useRef, useState } from 'react';
import { indexDashboard, type PreparedDashboard } from '@/lib/dashboard';
import { createWorkspaceAssembler } from '@/lib/dashboard-data/assemble';
import { decodeHandoff, decodeInputJson, type Decoded } from '@/lib/dashboard-data/decode';
import { readLastHandoff } from '@/lib/dashboard-data/handoff';
import { DashboardLoaded } from '@/lib/dashboard-data/loaded';
import { readDashboardStream, StreamInterrupted, type StreamDone } from '@/lib/dashboard-data/stream-client';
import type { OpenedStream } from '@/lib/dashboard-data/stream-port';

export type DashboardData =
  | { state: 'loading' }
  | { state: 'error'; message: string }
  | {
      state: 'ready';
      loaded: DashboardLoaded;
      prepared: PreparedDashboard;
      /** The figures of the last read kept in this browser, shown while the workspace is read again. */
      stale: boolean;
      /** Why the latest read failed, while earlier figures stay on screen. */
      refreshError: string | null;
    };

/** Early streams already being read. */
const claimed = new WeakSet<OpenedStream>();

/** A background stopped mid-stream is asked again this many times before the page gives up. */
const STREAM_ATTEMPTS = 3;

/**
 * Reads the data over the dashboard stream (lib/dashboard-data/stream-messages.ts),
 * decoding each page as it arrives, then assesses every opportunity once
 * (`indexDashboard`); filter changes reuse the result. When the page opens
 * with no read kept, `early` is the stream the page asked for as it started
 * (entrypoints/dashboard/main.tsx); otherwise the last read kept in this
 * browser (handoff.ts) is validated and painted first, labelled stale, and
 * only then is the new read asked for; it replaces the kept one when it
 * comes. `reload` reads everything again.
 */
export function useDashboardData(early: Promise<OpenedStream | null> = Promise.resolve(null)): { data: DashboardData; reload: () => void; refreshing: boolean } {
  const [data, setData] = useState<DashboardData>({ state: 'loading' });
  const [generation, setGeneration] = useState(0);
  const [refreshing, setRefreshing] = useState(false);
  // The stream whose figures are about to be shown: told once they are painted (below).
  const unpainted = useRef<StreamDone | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    const { signal } = controller;
    let stream: StreamDone | null = null;
    setRefreshing(true);
    void (async () => {
      try {
        const opened = generation === 0 ? await early : null;
        if (signal.aborted) return;
        // The early stream is read once, by whichever run of this effect gets it first
        // (React runs effects twice in development).
        const asked = opened && !claimed.has(opened) ? (claimed.add(opened), opened) : null;
        // A later open paints the kept read first, then asks for a new one: the two
        // would otherwise share the machine's cores and both arrive later.
        if (generation === 0 && !asked) {
          const kept = await showLastRead();
          if (kept && !signal.aborted) {
            setData(kept);
            await afterNextPaint();
          }
        }
        if (signal.aborted) return asked?.close();
        const fresh = await readFresh(signal, asked);
        stream = fresh.stream;
        signal.throwIfAborted();
        unpainted.current = fresh.stream;
        setData({ state: 'ready', loaded: fresh.stream.answer, prepared: fresh.prepared, stale: false, refreshError: null });
      } catch (error) {
        if (signal.aborted) return;
        const message = error instanceof Error ? error.message : String(error);
        // Figures already on screen stay there, with the reason they could not be renewed.
        setData((shown) => (shown.state === 'ready' ? { ...shown, refreshError: message } : { state: 'error', message }));
      } finally {
        if (!signal.aborted) setRefreshing(false);
      }
    })();
    return () => {
      controller.abort();
      stream?.close();
    };
  }, [generation]);

  // Runs after React committed the new figures; the frame after is when they are on
  // screen, and only then is the read kept for the next open (the background's
  // write would otherwise compete with that frame).
  useEffect(() => {
    const stream = unpainted.current;
    if (!stream || data.state !== 'ready' || data.stale) return;
    unpainted.current = null;
    void afterNextPaint().then(() => stream.painted());
  }, [data]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { data, reload, refreshing };
}

/**
 * One read over the stream, each page parsed and checked as it arrives; asked
 * again from the start when the background was stopped mid-stream.
 */
async function readFresh(signal: AbortSignal, asked: OpenedStream | null): Promise<{ stream: StreamDone; prepared: PreparedDashboard }> {
  for (let attempt = 1; ; attempt += 1) {
    const assembler = createWorkspaceAssembler();
    let inputJson: string | null = null;
    // Marks for the page benchmark (bench/dashboard-page.bench.ts) and the browser's profiler.
    if (attempt > 1 || !asked) performance.mark('dashboard:ask');
    try {
      const stream = await readDashboardStream(
        {
          begin(now) {
            assembler.begin(now);
          },
          page(table, page, offset, text) {
            const start = performance.now();
            if (assembler.add(table, page, offset, text) === null) throw new Error(assembler.failure ?? 'The workspace sent a page that does not fit.');
            performance.measure('dashboard:page-decoded', { start, end: performance.now() });
          },
          input(json) {
            inputJson = json;
          },
        },
        signal,
        attempt === 1 ? (asked ?? undefined) : undefined,
      );
      performance.mark('dashboard:received');
      try {
        const decoded: Decoded = stream.answer.source === 'solo' ? decodeInputJson(inputJson ?? '') : assembler.finish(stream.answer.fetched_at);
        if (!decoded.ok) throw new Error(decoded.message);
        performance.mark('dashboard:validated');
        const prepared = indexDashboard(decoded.source, decoded.preassessed);
        performance.mark('dashboard:prepared');
        return { stream, prepared };
      } catch (error) {
        stream.close();
        throw error;
      }
    } catch (error) {
      if (error instanceof StreamInterrupted && attempt < STREAM_ATTEMPTS && !signal.aborted) continue;
      throw error;
    }
  }
}

/** Validates and assesses a handoff; a misfit throws with what did not fit. */
function prepare(decoded: Decoded): PreparedDashboard {
  if (!decoded.ok) throw new Error(decoded.message);
  return indexDashboard(decoded.source, decoded.preassessed);
}

/**
 * The last read kept in this browser, validated like fresh data, ready to show
 * as stale; `null` when there is none or it no longer fits (the new read will
 * show instead).
 */
async function showLastRead(): Promise<DashboardData | null> {
  try {
    const last = await readLastHandoff();
    if (!last) return null;
    performance.mark('dashboard:cache-read');
    const loaded = DashboardLoaded.safeParse({ ...(last.answer as object), handoff_id: last.id });
    if (!loaded.success) return null;
    const prepared = prepare(decodeHandoff(last.payload));
    performance.mark('dashboard:cached-prepared');
    return { state: 'ready', loaded: loaded.data, prepared, stale: true, refreshError: null };
  } catch {
    return null;
  }
}

/**
 * Resolves once the browser has painted the next frame (a hidden page paints
 * nothing, and its frames never come: at once there), so figures reach the
 * screen before more work competes for the cores.
 */
function afterNextPaint(): Promise<void> {
  if (document.visibilityState === 'hidden') return Promise.resolve();
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}
