/**
 * Free-mail providers: domains where anyone can get an address, so a domain
 * there says nothing about which customer a person works for.
 *
 * Why a hand-kept list and not a package: the well-used npm lists did not fit.
 * `free-email-domains` rewrites its data in a postinstall script that downloads
 * from the internet (it fails offline and makes `npm ci` unreproducible), and
 * `email-providers` omits googlemail.com, hotmail.co.uk, ymail.com, pm.me and
 * fastmail.com while listing organisations a CSM may well sell to (nus.edu.sg,
 * berlin.de, bt.com, sky.com, facebook.com, alibaba.com). For recognition a
 * false "free-mail" silently hides a customer's domain, while a missing
 * provider only shows a dismissible "create account" suggestion, so precision
 * wins: the major consumer providers, by name, and nothing else.
 *
 * Keys are registrable domains (see domains.ts); hosts under them
 * (`mail.yahoo.co.uk`) are free-mail too.
 */
const FREE_MAIL_DOMAINS: ReadonlySet<string> = new Set([
  // Google
  'gmail.com', 'googlemail.com',
  // Microsoft (the hotmail / live / outlook families are below)
  'msn.com', 'passport.com', 'windowslive.com',
  // Yahoo and its old brands
  'ymail.com', 'rocketmail.com', 'aim.com', 'aol.com', 'aol.co.uk', 'aol.de', 'aol.fr',
  // Apple
  'icloud.com', 'me.com', 'mac.com',
  // Privacy-focused
  'proton.me', 'protonmail.com', 'protonmail.ch', 'pm.me', 'tutanota.com', 'tutanota.de', 'tuta.io', 'tuta.com',
  'fastmail.com', 'fastmail.fm', 'hey.com', 'duck.com', 'mailbox.org', 'posteo.de', 'posteo.net',
  // Zoho and generic portals
  'zoho.com', 'zohomail.com', 'zohomail.eu', 'mail.com', 'email.com', 'inbox.com',
  // Germany, Austria, Switzerland
  'web.de', 'freenet.de', 't-online.de', 'arcor.de', 'online.de', 'bluewin.ch',
  // France, Italy, Spain, Benelux, Nordics
  'orange.fr', 'wanadoo.fr', 'free.fr', 'laposte.net', 'sfr.fr', 'neuf.fr',
  'libero.it', 'virgilio.it', 'tiscali.it', 'alice.it', 'tin.it', 'telefonica.net', 'home.nl', 'planet.nl', 'ziggo.nl',
  'telenet.be', 'skynet.be',
  // United Kingdom, North America, Australia
  'btinternet.com', 'talktalk.net', 'virginmedia.com', 'blueyonder.co.uk',
  'comcast.net', 'verizon.net', 'att.net', 'sbcglobal.net', 'cox.net', 'charter.net', 'shaw.ca', 'rogers.com',
  'sympatico.ca', 'bigpond.com', 'bigpond.net.au', 'optusnet.com.au',
  // Central and Eastern Europe
  'mail.ru', 'inbox.ru', 'list.ru', 'bk.ru', 'rambler.ru', 'ya.ru', 'seznam.cz', 'centrum.cz',
  'wp.pl', 'o2.pl', 'onet.pl', 'interia.pl', 'abv.bg', 'ukr.net',
  // Asia and Latin America
  'qq.com', 'foxmail.com', '163.com', '126.com', 'yeah.net', 'sina.com', 'sina.cn', 'sohu.com', 'aliyun.com',
  'naver.com', 'daum.net', 'hanmail.net', 'rediffmail.com',
  'uol.com.br', 'bol.com.br', 'terra.com.br', 'ig.com.br',
]);

/**
 * Brands that hand out addresses under many country domains (`hotmail.fr`,
 * `yahoo.co.jp`, `gmx.at`): matched on the registrable domain's first label,
 * whatever the public suffix.
 */
const FREE_MAIL_BRANDS: ReadonlySet<string> = new Set(['hotmail', 'live', 'outlook', 'yahoo', 'gmx', 'yandex']);
/** The longest brand: a longer first label cannot be one, and is not cut out to be looked up. */
const LONGEST_BRAND = Math.max(...[...FREE_MAIL_BRANDS].map((brand) => brand.length));

/** Whether a registrable domain (as returned by `registrableDomainOfHost`) is a free-mail provider. */
export function isFreeMailDomain(registrable: string): boolean {
  if (FREE_MAIL_DOMAINS.has(registrable)) return true;
  // Runs for each of 100,000 account domains when the index is built: most
  // first labels are longer than any brand, and no new string is made for them.
  const dot = registrable.indexOf('.');
  return dot > 0 && dot <= LONGEST_BRAND && FREE_MAIL_BRANDS.has(registrable.slice(0, dot));
}
