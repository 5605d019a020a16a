import { getDomain } from 'tldts';

/**
 * Email addresses and domains reduced to the keys recognition compares:
 * lower-case ASCII (punycode) hosts, and the registrable domain under the
 * public suffix list, so `eu.mail.acme.co.uk` and `acme.co.uk` meet.
 *
 * Everything here returns `undefined` for input it cannot make sense of; it
 * never throws, because participants come from scraped host pages.
 */

/**
 * Private suffixes count (`allowPrivateDomains`): `acme.github.io` and
 * `beta.github.io` belong to different owners, exactly as the public suffix
 * list's private section says. The hostname is ours to validate, so tldts
 * skips its own URL parsing (`extractHostname: false`), which is the costly
 * part when 100,000 account domains are indexed.
 */
const TLDTS_OPTIONS = { allowPrivateDomains: true, extractHostname: false, detectIp: true } as const;

/**
 * Shared mail hosts where the label before them is the tenant, though the
 * public suffix list does not say so. Microsoft 365 gives every tenant
 * `<tenant>.onmicrosoft.com` (and `<tenant>.mail.onmicrosoft.com` for routing);
 * without this every such customer would collapse into one `onmicrosoft.com`.
 * Longest first.
 */
const TENANT_SUFFIXES = ['mail.onmicrosoft.com', 'onmicrosoft.com'] as const;
/** `.` + each tenant suffix, built once: the check runs for every indexed domain and every participant. */
const TENANT_ENDINGS: readonly string[] = TENANT_SUFFIXES.map((suffix) => `.${suffix}`);

/**
 * A whole host of valid ASCII DNS labels, at least two. One expression over
 * the whole host rather than one per label: this runs 300,000 times when a
 * large organization's index is built.
 */
const ASCII_HOST = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
/** `local@host` with nothing to unwrap or convert: no quotes, colons, brackets or spaces in the local part. */
const SIMPLE_ADDRESS = /^[^\s<>@":]{1,64}@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const MAX_ADDRESS_LENGTH = 64 + 1 + 253;
// Non-ASCII hosts go through IDNA before the label check.
const ASCII_ONLY = /^[\x00-\x7f]*$/;

/**
 * A host as a canonical key: trimmed, lower-case, no trailing dot, IDN labels
 * in punycode (`bücher.de` → `xn--bcher-kva.de`), each label a valid DNS label.
 */
export function normaliseHost(raw: string): string | undefined {
  if (typeof raw !== 'string') return undefined;
  let host = raw.trim().toLowerCase();
  if (host.length > 253) return undefined;
  if (ASCII_HOST.test(host)) return host;
  host = host.replace(/\.+$/, '');
  if (!ASCII_ONLY.test(host)) host = toAsciiHost(host) ?? '';
  return host.length <= 253 && ASCII_HOST.test(host) ? host : undefined;
}

/** WHATWG URL does IDNA (UTS #46) mapping and punycode in every runtime we target. */
function toAsciiHost(host: string): string | undefined {
  if (/[\s/?#@:\\[\]%]/.test(host)) return undefined;
  try {
    return new URL(`http://${host}`).hostname.replace(/\.+$/, '');
  } catch {
    return undefined;
  }
}

/** The registrable domain of a normalised host, or `undefined` for IPs, bare suffixes and unknown TLDs. */
export function registrableDomainOfHost(host: string): string | undefined {
  for (let i = 0; i < TENANT_ENDINGS.length; i += 1) {
    if (host.endsWith(TENANT_ENDINGS[i]!)) {
      const suffix = TENANT_SUFFIXES[i]!;
      const tenant = host.slice(0, -suffix.length - 1).split('.').pop();
      return tenant ? `${tenant}.${suffix}` : undefined;
    }
  }
  return getDomain(host, TLDTS_OPTIONS) ?? undefined;
}

export interface ParsedAddress {
  /** The whole address, lower-cased, domain canonical: the key for exact stakeholder matches. */
  address: string;
  host: string;
  registrable: string;
  /** The host as written (lower-cased): differs from `host` only for internationalised domains. */
  displayHost: string;
}

interface AddressParts {
  local: string;
  host: string;
  /** The domain part as written, for `displayHost`. */
  written: string;
}

/**
 * The local part (lower-cased: mail systems treat it case-insensitively in
 * practice) and canonical host of an address. A display-name wrapper such as
 * `Ann <ann@acme.com>` and a `mailto:` prefix are removed.
 */
function splitAddress(raw: string): AddressParts | undefined {
  if (typeof raw !== 'string') return undefined;
  let text = raw.trim();
  if (text.includes('<')) {
    const angled = /<([^<>]*)>\s*$/.exec(text);
    if (angled?.[1] !== undefined) text = angled[1].trim();
  }
  if (text.length > 7 && text.slice(0, 7).toLowerCase() === 'mailto:') text = text.slice(7);
  const at = text.lastIndexOf('@');
  if (at <= 0 || at === text.length - 1 || at > 64) return undefined;
  const local = text.slice(0, at).toLowerCase();
  if (/[\s<>]/.test(local)) return undefined;
  const written = text.slice(at + 1);
  const host = normaliseHost(written);
  return host ? { local, host, written } : undefined;
}

/**
 * Splits an email address into the parts recognition compares, or
 * `undefined` when it is not a deliverable-looking address.
 */
export function parseAddress(raw: string): ParsedAddress | undefined {
  const parts = splitAddress(raw);
  if (!parts) return undefined;
  const registrable = registrableDomainOfHost(parts.host);
  if (!registrable) return undefined;
  const displayHost = ASCII_ONLY.test(parts.written) ? parts.host : parts.written.trim().toLowerCase().replace(/\.+$/, '');
  return { address: `${parts.local}@${parts.host}`, host: parts.host, registrable, displayHost };
}

/**
 * The exact-match key of a stored stakeholder address: the same string
 * `parseAddress(...).address` gives for it, without the public-suffix lookup
 * (an address whose domain is not registrable can never be matched anyway,
 * since participants with such domains are skipped).
 */
export function addressKey(raw: string): string | undefined {
  if (typeof raw !== 'string') return undefined;
  // The common case, an address already plain: the lower-cased text is the key,
  // with no new string built (the index holds 200,000 of these).
  if (raw.length <= MAX_ADDRESS_LENGTH && SIMPLE_ADDRESS.test(raw)) return raw;
  const lowered = raw.trim().toLowerCase();
  if (lowered.length <= MAX_ADDRESS_LENGTH && SIMPLE_ADDRESS.test(lowered)) return lowered;
  const parts = splitAddress(raw);
  return parts ? `${parts.local}@${parts.host}` : undefined;
}

/**
 * An account domain as typed by a person (`www.acme.com`, `@acme.com`,
 * `https://acme.com/`) reduced to a host. Only used when indexing accounts.
 */
export function normaliseConfiguredDomain(raw: string): string | undefined {
  if (typeof raw !== 'string') return undefined;
  if (ASCII_HOST.test(raw) && !raw.startsWith('www.')) return raw;
  const plain = raw.trim().toLowerCase();
  if (ASCII_HOST.test(plain) && !plain.startsWith('www.')) return plain;
  const host = plain
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
    .replace(/[/?#].*$/, '')
    .replace(/:\d+$/, '')
    .replace(/^[@*.]+/, '')
    .replace(/^www\./, '');
  return normaliseHost(host);
}

/** The host itself and each parent down to (and including) its registrable domain: most specific first. */
export function hostAndParents(host: string, registrable: string): string[] {
  const chain: string[] = [];
  let current = host;
  while (current.length > registrable.length && current.endsWith(`.${registrable}`)) {
    chain.push(current);
    current = current.slice(current.indexOf('.') + 1);
  }
  chain.push(registrable);
  return chain;
}
