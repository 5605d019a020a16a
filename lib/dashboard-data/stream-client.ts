import { DirectReadGone, readDirect } from './direct-read';
import { putHandoff } from './handoff';
import type { DashboardLoaded } from './loaded';
import { StreamMessage, type DashboardTable, type DirectRead } from './stream-messages';
import { openDashboardStream, type OpenedStream } from './stream-port';

/** The port closed before the read was complete: the background was stopped (or updated) mid-stream. Asking again is safe. */
export class StreamInterrupted extends Error {}

export interface StreamReceiver {
  /** The moment the read is made at, before its pages (workspace only): the `fetched_at` of the `done` to come. */
  begin(now: string): void;
  /** A whole page of a table; throwing stops the stream with that error. */
  page(table: DashboardTable, page: number, offset: number, text: string): void;
  /** The local store's whole input as JSON (solo). */
  input(json: string): void;
}

export interface StreamDone {
  answer: DashboardLoaded;
  /** Tells the background the figures are on screen, so it keeps this read for the next open. */
  painted(): void;
  /** Closes the stream (once painted, or when the page gives up on this read). */
  close(): void;
}

/**
 * The page's end of the dashboard stream (stream-messages.ts): takes a
 * stream already asked for (or asks now), checks every message, joins each page's pieces and hands
 * whole pages to `receiver` as they come. Resolves when every page was
 * received; rejects with the background's sentence, with `StreamInterrupted`
 * when the port closes early, or with the abort reason when `signal` aborts
 * (which closes the port, so the background stops reading).
 *
 * Given `direct` (Chromium), the page reads the pages itself through the
 * worker (direct-read.ts) while the port stays open: the port closing stops
 * those reads and asks again, as above; the page keeps the read itself once
 * painted.
 */
export function readDashboardStream(receiver: StreamReceiver, signal: AbortSignal, opened?: OpenedStream): Promise<StreamDone> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      opened?.close();
      return reject(signal.reason);
    }
    const port = opened ?? openDashboardStream();
    const pieces = new Map<string, string[]>();
    let input: string[] = [];
    let settled = false;
    let now: string | null = null;
    // Stops the page's own reads (direct) when the stream ends for any reason.
    const direct = new AbortController();
    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      signal.removeEventListener('abort', onAbort);
      direct.abort(error);
      port.close();
      reject(error);
    };
    const onAbort = () => fail(signal.reason);
    signal.addEventListener('abort', onAbort);

    const onDisconnect = () => {
      if (settled) return;
      settled = true;
      signal.removeEventListener('abort', onAbort);
      const interrupted = new StreamInterrupted('The background stopped before all the data came.');
      direct.abort(interrupted);
      reject(interrupted);
    };
    const readItself = (read: DirectRead) => {
      if (now === null) return fail(new Error('The background granted a read before saying its moment.'));
      performance.mark('dashboard:fetch');
      readDirect(read, now, (table, page, offset, text) => receiver.page(table, page, offset, text), direct.signal).then(
        ({ answer, pages }) => {
          if (settled) return;
          performance.mark('dashboard:fetched');
          settled = true;
          signal.removeEventListener('abort', onAbort);
          const payload = { kind: 'workspace' as const, organization: read.organization_id, now: answer.fetched_at, pages };
          resolve({
            answer,
            // Kept by the page, which holds the pages' text; the same table the background writes (handoff.ts).
            painted: () => void putHandoff(answer.handoff_id, payload, answer).then(() => performance.mark('dashboard:kept'), () => undefined),
            close: () => port.close(),
          });
        },
        (error: unknown) => fail(error instanceof DirectReadGone ? new StreamInterrupted(error.message) : error),
      );
    };
    const onMessage = (raw: unknown) => {
      if (settled) return;
      const checked = StreamMessage.safeParse(raw);
      if (!checked.success) return fail(new Error('The background sent something the dashboard does not understand.'));
      const message = checked.data;
      try {
        switch (message.type) {
          case 'text': {
            const key = `${message.table}/${message.page}`;
            const sofar = pieces.get(key) ?? [];
            sofar.push(message.text);
            if (!message.end) pieces.set(key, sofar);
            else {
              pieces.delete(key);
              receiver.page(message.table, message.page, message.offset, sofar.length === 1 ? sofar[0]! : sofar.join(''));
            }
            return;
          }
          case 'begin':
            now = message.now;
            receiver.begin(message.now);
            return;
          case 'direct':
            return readItself(message.read);
          case 'input':
            input.push(message.text);
            if (message.end) {
              receiver.input(input.join(''));
              input = [];
            }
            return;
          case 'error':
            return fail(new Error(message.message));
          case 'done': {
            if (pieces.size > 0 || input.length > 0) return fail(new Error('The background ended the read in the middle of a page.'));
            settled = true;
            signal.removeEventListener('abort', onAbort);
            return resolve({ answer: message.answer, painted: () => {
                try {
                  port.post({ type: 'painted' });
                } catch {
                  // Closed meanwhile (the page reloaded its data): that read is not kept, nothing else is lost.
                }
              }, close: () => port.close() });
          }
        }
      } catch (error) {
        fail(error);
      }
    };
    port.attach(onMessage, onDisconnect);
  });
}
