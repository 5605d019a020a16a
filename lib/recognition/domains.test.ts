import { describe, expect, it } from 'vitest';
import { normaliseConfiguredDomain, parseAddress, registrableDomainOfHost } from './domains';
import { isFreeMailDomain } from './free-mail';
import { suggestAccountName } from './prefill';

describe('the registrable domain of an address', () => {
  it.each([
    ['a subdomain collapses to the organisation', 'bob@eu.mail.acme.co.uk', 'acme.co.uk'],
    ['a two-part suffix (.co.uk) keeps the name before it', 'bob@acme.co.uk', 'acme.co.uk'],
    ['a two-part suffix (.com.au)', 'bob@mail.globex.com.au', 'globex.com.au'],
    ['a plain .com', 'bob@sales.initech.com', 'initech.com'],
    ['upper case and a trailing dot', 'Bob@EU.Acme.CO.UK.', 'acme.co.uk'],
    ['a private suffix keeps tenants apart', 'bob@acme.github.io', 'acme.github.io'],
    ['a Microsoft 365 tenant domain keeps the tenant', 'bob@acme.onmicrosoft.com', 'acme.onmicrosoft.com'],
    ['a Microsoft 365 routing domain keeps the tenant', 'bob@acme.mail.onmicrosoft.com', 'acme.mail.onmicrosoft.com'],
    ['an internationalised domain becomes punycode', 'ana@post.bücher.de', 'xn--bcher-kva.de'],
    ['an address already in punycode is the same key', 'ana@xn--bcher-kva.de', 'xn--bcher-kva.de'],
    ['a display-name wrapper is unwrapped', 'Bob Smith <bob@acme.co.uk>', 'acme.co.uk'],
  ])('%s: %s → %s', (_rule, address, registrable) => {
    expect(parseAddress(address)?.registrable).toBe(registrable);
  });

  it("follows the suffix list's default rule for a top-level domain it does not list yet", () => {
    expect(parseAddress('bob@eu.acme.newtld')?.registrable).toBe('acme.newtld');
  });

  it('keys the exact address in lower case with the canonical domain', () => {
    expect(parseAddress('  Cy@Acme.CO.UK. ')?.address).toBe('cy@acme.co.uk');
    expect(parseAddress('ana@BÜCHER.de')?.address).toBe('ana@xn--bcher-kva.de');
  });

  it.each([
    ['empty', ''],
    ['no at sign', 'bob.acme.co.uk'],
    ['nothing before the at sign', '@acme.co.uk'],
    ['nothing after the at sign', 'bob@'],
    ['a bare public suffix', 'bob@co.uk'],
    ['a single label', 'bob@localhost'],
    ['an IP address', 'bob@192.168.1.20'],
    ['an empty label', 'bob@acme..com'],
    ['a label starting with a hyphen', 'bob@-acme.com'],
    ['spaces in the domain', 'bob@ac me.com'],
    ['spaces in the local part', 'b ob@acme.com'],
  ])('skips an invalid address (%s) without throwing', (_label, address) => {
    expect(parseAddress(address)).toBeUndefined();
  });

  it('reduces an account domain typed as a URL or with www to its host', () => {
    expect(normaliseConfiguredDomain('https://www.Acme.co.uk/about')).toBe('acme.co.uk');
    expect(normaliseConfiguredDomain('@acme.co.uk')).toBe('acme.co.uk');
    expect(normaliseConfiguredDomain('eu.acme.com')).toBe('eu.acme.com');
    expect(registrableDomainOfHost('eu.acme.com')).toBe('acme.com');
  });
});

describe('free-mail providers', () => {
  it.each(['gmail.com', 'googlemail.com', 'outlook.com', 'hotmail.co.uk', 'hotmail.fr', 'live.com', 'yahoo.co.jp', 'icloud.com', 'proton.me', 'gmx.de', 'gmx.at', 'web.de', 'yandex.ru', 'qq.com', 'fastmail.com'])(
    '%s is free-mail',
    (domain) => expect(isFreeMailDomain(domain)).toBe(true),
  );

  it.each(['acme.co.uk', 'google.com', 'microsoft.com', 'yahooligans-fan-club.com', 'gmxtra.com', 'nus.edu.sg'])('%s is not free-mail', (domain) => {
    expect(isFreeMailDomain(domain)).toBe(false);
  });
});

describe('the suggested name for an unknown domain', () => {
  it.each([
    ['acme-robotics.co.uk', undefined, 'Acme Robotics'],
    ['initech.com', undefined, 'Initech'],
    ['big_data-co.io', undefined, 'Big Data Co'],
    ['acme.onmicrosoft.com', undefined, 'Acme'],
    ['xn--bcher-kva.de', 'post.bücher.de', 'Bücher'],
  ])('%s → %s', (domain, displayHost, name) => {
    expect(suggestAccountName(domain, displayHost)).toBe(name);
  });
});
