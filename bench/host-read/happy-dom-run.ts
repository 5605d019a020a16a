import { Window } from 'happy-dom';
import { medianMs } from '../benchmark';
import { HOST_ADAPTERS } from '../../lib/hosts/registry';
import { watchHostContext } from '../../lib/hosts/watcher';
import { type HostFixture, readFixtureHtml, readGolden } from '../../tests/support/host-fixtures';
import { mutationBurst } from './mutation-burst';

export interface FixtureFigures {
  name: string;
  readMs: number;
  watcherMsPer1000: number;
  readsDuringBursts: number;
}

/**
 * The same figures in happy-dom (Node), for machines without Chromium.
 * happy-dom implements selectors in JavaScript, so its reads are many times
 * slower than a browser's; read these figures as an upper bound.
 */
export async function measureInHappyDom(fixture: HostFixture): Promise<FixtureFigures> {
  const { url } = readGolden(fixture);
  const window = new Window({ url, settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true } });
  window.document.write(readFixtureHtml(fixture));
  const document = window.document as unknown as Document;
  const adapter = HOST_ADAPTERS[fixture.host];
  const readMs = medianMs(() => adapter.read(document, url), 31, 3);

  // The watcher's scripting time is its observer callback plus any read it
  // triggers: time both directly. It uses the global MutationObserver, as a
  // content script does, so give it happy-dom's, wrapped in a stopwatch.
  let spent = 0;
  const Native = window.MutationObserver;
  class TimedObserver extends Native {
    constructor(callback: MutationCallback) {
      super(((records: MutationRecord[], observer: MutationObserver) => {
        const start = performance.now();
        callback(records, observer);
        spent += performance.now() - start;
      }) as never);
    }
  }
  Object.assign(globalThis, { MutationObserver: TimedObserver });
  let reads = 0;
  const controller = new AbortController();
  const counted = {
    ...adapter,
    read: (root: ParentNode, u: URL | string) => {
      const start = performance.now();
      reads += 1;
      const result = adapter.read(root, u);
      spent += performance.now() - start;
      return result;
    },
  };
  watchHostContext({ adapter: counted, root: document, getUrl: () => url, signal: controller.signal, onContext: () => {} });
  reads = 0;
  const perBurst: number[] = [];
  for (let s = 0; s < 15; s += 1) {
    spent = 0;
    mutationBurst(document, adapter.watchAttributes[0] ?? 'title');
    await new Promise((resolve) => setTimeout(resolve, 60));
    if (s > 2) perBurst.push(spent);
  }
  controller.abort();
  perBurst.sort((a, b) => a - b);
  await window.happyDOM.close();
  return { name: fixture.name, readMs, watcherMsPer1000: perBurst[Math.floor(perBurst.length / 2)] ?? Number.NaN, readsDuringBursts: reads };
}
