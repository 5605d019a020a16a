import { describe, expect, it } from 'vitest';
import { ALL_HOST_MATCHES, HOST_IDS, HOST_MATCHES, hostIdForUrl } from './supported-hosts';

describe('hostIdForUrl', () => {
  it.each([
    ['https://mail.google.com/mail/u/0/#inbox', 'gmail'],
    ['https://outlook.office.com/mail/inbox/id/AAQk', 'outlook'],
    ['https://outlook.office365.com/mail/', 'outlook'],
    ['https://outlook.live.com/mail/0/', 'outlook'],
    ['https://calendar.google.com/calendar/u/0/r/week', 'google-calendar'],
  ])('recognises %s as %s', (url, host) => {
    expect(hostIdForUrl(url)).toBe(host);
  });

  it.each([
    'https://mail.google.com.evil.example/mail/',
    'http://mail.google.com/mail/',
    'https://docs.google.com/document/d/1',
    'chrome-extension://abc/panel.html',
    'not a url',
    undefined,
  ])('does not recognise %s', (url) => {
    expect(hostIdForUrl(url)).toBeUndefined();
  });

  it('every host has match patterns, and the full list is their union', () => {
    for (const id of HOST_IDS) expect(HOST_MATCHES[id].length).toBeGreaterThan(0);
    expect(ALL_HOST_MATCHES).toHaveLength(HOST_IDS.reduce((n, id) => n + HOST_MATCHES[id].length, 0));
  });
});
