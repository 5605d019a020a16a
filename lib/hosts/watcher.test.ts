import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { gmail } from './gmail';
import type { HostAdapter } from './host-adapter';
import type { ReadResult } from './host-context';
import { watchHostContext } from './watcher';

const INBOX = 'https://mail.google.com/mail/u/0/#inbox';
const THREAD = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKmGLvKWtbwhpqBLQGvZM';
const ACCOUNT = '<a href="https://accounts.google.com/SignOutOptions?x" aria-label="Google Account: Dana (dana@csm.example)"></a>';
const THREAD_HTML = `<h2 class="hP" data-thread-perm-id="thread-f:1849652327310944213">Renewal</h2>
  <div class="adn" data-message-id="#msg-f:1"><span class="gD" email="maya@acme.example" name="Maya">Maya</span>
  <span class="hb">to <span class="g2" email="dana@csm.example" name="Dana">me</span></span><div class="a3s">body</div></div>`;

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let url: string;
let controller: AbortController;
let main: HTMLElement;
let list: HTMLElement;

function start(adapter: HostAdapter = gmail, delayMs = 20) {
  const reads = vi.fn(adapter.read);
  const results: ReadResult[] = [];
  watchHostContext({ adapter: { ...adapter, read: reads }, root: document, getUrl: () => url, signal: controller.signal, onContext: (r) => results.push(r), delayMs });
  return { reads, results };
}

beforeEach(() => {
  url = INBOX;
  controller = new AbortController();
  document.body.innerHTML = `${ACCOUNT}<div role="main"><div id="list"></div><div id="view"></div></div>`;
  main = document.getElementById('view')!;
  list = document.getElementById('list')!;
});
afterEach(() => controller.abort());

describe('watchHostContext', () => {
  it('reports the page at once, then the thread the CSM opens', async () => {
    const { results } = start();
    expect(results).toEqual([{ ok: true, context: { host: 'gmail', view: 'none', self: 'dana@csm.example', participants: [] } }]);

    url = THREAD;
    main.innerHTML = THREAD_HTML;
    await vi.waitFor(() => expect(results).toHaveLength(2), { timeout: 300, interval: 5 });
    expect(results[1]).toMatchObject({ ok: true, context: { view: 'thread', title: 'Renewal', participants: [{ email: 'maya@acme.example', role: 'from' }, { email: 'dana@csm.example', role: 'to' }] } });
  });

  it('reads a relevant change right after the script that made it, before any timer runs', async () => {
    const { results } = start(gmail, 20);
    await wait(30);
    // The host's address event comes first and sets the timer; the thread it names is drawn in the same task.
    url = THREAD;
    window.dispatchEvent(new Event('hashchange'));
    main.innerHTML = THREAD_HTML;
    // Microtasks only: no timer can have fired, so the observer's callback read the page.
    for (let i = 0; i < 5; i += 1) await Promise.resolve();
    expect(results).toHaveLength(2);
    expect(results[1]).toMatchObject({ ok: true, context: { view: 'thread', title: 'Renewal' } });
  });

  it('does not report a view caught half-built as a failure when it completes moments later', async () => {
    const { results } = start(gmail, 20);
    await wait(30);
    url = THREAD;
    // The messages arrive first: without the subject, this alone reads as a failure.
    main.innerHTML = THREAD_HTML.replace(/<h2[^>]*>Renewal<\/h2>/, '');
    await wait(5);
    main.insertAdjacentHTML('afterbegin', '<h2 class="hP" data-thread-perm-id="thread-f:1849652327310944213">Renewal</h2>');
    await vi.waitFor(() => expect(results).toHaveLength(2), { timeout: 300, interval: 5 });
    await wait(40);
    expect(results.map((r) => r.ok)).toEqual([true, true]);
    expect(results[1]).toMatchObject({ ok: true, context: { view: 'thread', title: 'Renewal' } });
  });

  it('still reports a failure the page keeps showing', async () => {
    const { results } = start(gmail, 20);
    await wait(30);
    url = THREAD;
    main.innerHTML = THREAD_HTML.replace(/<h2[^>]*>Renewal<\/h2>/, '');
    await vi.waitFor(() => expect(results).toHaveLength(2), { timeout: 300, interval: 5 });
    expect(results[1]).toMatchObject({ ok: false, failure: { code: 'missing-element', anchor: 'subject' } });
  });

  it('gathers relevant changes spread over several tasks into one read', async () => {
    const { reads, results } = start(gmail, 150);
    url = THREAD;
    main.innerHTML = THREAD_HTML;
    // Separate tasks, so the observer is called for each batch, all within the delay.
    for (let i = 0; i < 5; i += 1) {
      await wait(1);
      main.append(Object.assign(document.createElement('div'), { className: 'kv' }));
    }
    await wait(250);
    expect(reads).toHaveBeenCalledTimes(2);
    expect(results).toHaveLength(2);
  });

  it('does not read again for 1,000 unrelated mutations (an inbox list re-rendering)', async () => {
    const { reads } = start();
    for (let i = 0; i < 1000; i += 1) {
      const row = document.createElement('div');
      const sender = document.createElement('span');
      sender.className = 'zF';
      sender.setAttribute('email', `x${i}@y.example`);
      sender.setAttribute('data-legacy-thread-id', `18c${i}`);
      row.append(sender);
      list.append(row);
      if (i % 3 === 0) row.setAttribute('aria-selected', 'true');
    }
    await wait(60);
    expect(reads).toHaveBeenCalledTimes(1);
  });

  it('reads after a relevant change but reports only when the context differs', async () => {
    url = THREAD;
    main.innerHTML = THREAD_HTML;
    const { reads, results } = start();
    main.querySelector('.adn')!.append(Object.assign(document.createElement('span'), { className: 'gD' }));
    await wait(60);
    expect(reads).toHaveBeenCalledTimes(2);
    expect(results).toHaveLength(1);
  });

  it('follows in-app navigation that changes only the address', async () => {
    url = THREAD;
    main.innerHTML = THREAD_HTML.replace('<h2 class="hP" data-thread-perm-id="thread-f:1849652327310944213">Renewal</h2>', '');
    const { results } = start();
    expect(results[0]).toMatchObject({ ok: false, failure: { code: 'missing-element', anchor: 'subject' } });
    url = INBOX;
    main.innerHTML = '';
    window.dispatchEvent(new Event('hashchange'));
    await vi.waitFor(() => expect(results).toHaveLength(2), { timeout: 300, interval: 5 });
    expect(results[1]).toMatchObject({ ok: true, context: { view: 'none' } });
  });

  it('listens to WXT location changes through the content script context, and stops with it', async () => {
    const ctxController = new AbortController();
    const addEventListener = vi.fn((target: EventTarget, type: string, handler: () => void) => target.addEventListener(type, handler, { signal: ctxController.signal }));
    const results: ReadResult[] = [];
    watchHostContext({ adapter: gmail, root: document, getUrl: () => url, ctx: { signal: ctxController.signal, addEventListener } as never, onContext: (r) => results.push(r), delayMs: 20 });
    expect(addEventListener).toHaveBeenCalledWith(window, 'wxt:locationchange', expect.any(Function));
    // Only the address changes (no DOM mutation, no hash or history event), so only WXT's event can announce it.
    url = THREAD;
    window.dispatchEvent(new Event('wxt:locationchange'));
    await vi.waitFor(() => expect(results).toHaveLength(2), { timeout: 300, interval: 5 });
    expect(results[1]).toMatchObject({ ok: false, failure: { code: 'missing-element' } });
    ctxController.abort();
    url = INBOX;
    window.dispatchEvent(new Event('wxt:locationchange'));
    await wait(60);
    expect(results).toHaveLength(2);
  });

  it('turns a throwing reader into a read-error failure and a throwing receiver into silence', async () => {
    const broken: HostAdapter = { ...gmail, read: () => { throw new TypeError('boom'); } };
    const results: ReadResult[] = [];
    expect(() => watchHostContext({ adapter: broken, root: document, getUrl: () => url, signal: controller.signal, onContext: (r) => results.push(r) })).not.toThrow();
    expect(results).toEqual([{ ok: false, failure: { code: 'read-error', host: 'gmail', detail: 'TypeError' } }]);
    expect(() => watchHostContext({ adapter: gmail, root: document, getUrl: () => url, signal: controller.signal, onContext: () => { throw new Error('panel bug'); } })).not.toThrow();
  });

  it('stops reading after its signal aborts', async () => {
    const { reads } = start();
    controller.abort();
    url = THREAD;
    main.innerHTML = THREAD_HTML;
    window.dispatchEvent(new Event('popstate'));
    await wait(60);
    expect(reads).toHaveBeenCalledTimes(1);
  });

  it('does nothing at all when started with an aborted signal', () => {
    controller.abort();
    const { reads, results } = start();
    expect(reads).not.toHaveBeenCalled();
    expect(results).toEqual([]);
  });

  it('notices a subject typed into a compose window, which changes no DOM', async () => {
    main.innerHTML = '<div role="dialog"><input name="subjectbox" value=""></div>';
    const { results } = start();
    const input = main.querySelector('input')!;
    input.value = 'Expansion';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await vi.waitFor(() => expect(results).toHaveLength(2), { timeout: 300, interval: 5 });
    expect(results[1]).toMatchObject({ ok: true, context: { view: 'compose', title: 'Expansion' } });
  });
});
