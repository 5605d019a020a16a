import { describe, expect, it } from 'vitest';
import { classifySender, type SenderEnvironment } from './sender';

const env: SenderEnvironment = { extensionId: 'sidecar-id', extensionOrigin: 'chrome-extension://sidecar-id/' };
const tab = { id: 4 } as never;

describe('classifySender', () => {
  it.each([
    ['the background', { id: 'sidecar-id', url: 'chrome-extension://sidecar-id/background.js' }, 'extension'],
    ['the panel frame inside a Gmail tab', { id: 'sidecar-id', url: 'chrome-extension://sidecar-id/panel.html', tab, frameId: 2 }, 'extension'],
    ['the content script in the top frame of Gmail', { id: 'sidecar-id', url: 'https://mail.google.com/mail/u/0/', tab, frameId: 0 }, 'host-content-script'],
    ['the content script in a sub-frame of Gmail', { id: 'sidecar-id', url: 'https://mail.google.com/mail/u/0/', tab, frameId: 5 }, 'untrusted'],
    ['our content script on a look-alike host', { id: 'sidecar-id', url: 'https://mail.google.com.evil.example/', tab, frameId: 0 }, 'untrusted'],
    ['another extension', { id: 'other', url: 'chrome-extension://other/x.html' }, 'untrusted'],
    ['another extension pretending to be on Gmail', { id: 'other', url: 'https://mail.google.com/', tab, frameId: 0 }, 'untrusted'],
    ['a sender without an id', { url: 'https://mail.google.com/', tab, frameId: 0 }, 'untrusted'],
  ])('%s is %s', (_label, sender, kind) => {
    expect(classifySender(sender as never, env)).toBe(kind);
  });
});
