import { idList, type AccountIds } from './account-ids';

/**
 * Account names and aliases found in a subject or event title.
 *
 * Names are reduced to keys of whole words: NFKD with the combining marks
 * removed (`Zürich` → `zurich`), lower case, every run of characters that is
 * not a letter or digit turned into one space. A title is reduced the same
 * way and every run of up to `maxWords` consecutive words is looked up in a
 * Map, so the cost depends on the title's length and never on the number of
 * accounts, and `Acme` never matches inside `Acmeville`.
 */

/** Names shorter than this (after normalising) match too much by accident: `AB`, `HP`. */
const MIN_NAME_LENGTH = 3;

/** A title longer than this many words is cut: subjects are short, and a pasted text must not cost more. */
const MAX_TITLE_WORDS = 64;

/** A name longer than this many words is never looked for in titles. */
const MAX_NAME_WORDS = 6;

/**
 * Words that are an account's legal form rather than its name: `Acme Inc.`
 * is also found as `Acme` in `Acme renewal`.
 */
const LEGAL_FORMS: ReadonlySet<string> = new Set([
  'inc', 'incorporated', 'corp', 'corporation', 'co', 'company', 'llc', 'llp', 'lp', 'ltd', 'limited', 'plc',
  'gmbh', 'ag', 'kg', 'se', 'sa', 'sas', 'sarl', 'srl', 'spa', 'bv', 'nv', 'ab', 'as', 'asa', 'oy', 'pty', 'pte', 'kk',
]);

/**
 * Words that appear in any subject line: an account that calls itself
 * `Team` or `Meeting` is never recognised from a title.
 */
const GENERIC_NAMES: ReadonlySet<string> = new Set([
  'the', 'and', 'for', 'with', 'from', 'about', 'meeting', 'call', 'sync', 'update', 'team', 'group', 'company',
  'customer', 'account', 'renewal', 'review', 'invite', 'invitation', 'weekly', 'monthly', 'quarterly', 'internal',
  'project', 'support', 'sales', 'demo', 'intro', 'introduction', 'follow', 'up', 'fwd', 'fw', 're', 'aw', 'tr',
  'test', 'new', 'global', 'international', 'services', 'solutions', 'systems', 'technologies', 'holdings',
]);

const COMBINING_MARKS = /\p{M}+/gu;
const NOT_WORD = /[^\p{L}\p{N}]+/gu;
const ASCII_ONLY = /^[\x00-\x7f]*$/;
const NOT_ASCII_WORD = /[^a-z0-9]+/g;
/** ASCII words separated by single spaces, as most account names are: folding them is lower-casing them. */
const PLAIN_WORDS = /^[A-Za-z0-9]+(?: [A-Za-z0-9]+)*$/;

/** A text folded for comparison: words separated by single spaces, no accents, lower case. */
function fold(text: string): string {
  if (typeof text !== 'string' || text === '') return '';
  if (PLAIN_WORDS.test(text)) return text.toLowerCase();
  // Most names are plain ASCII: skip the Unicode folding, which is the costly part at 50,000 accounts.
  return ASCII_ONLY.test(text)
    ? text.toLowerCase().replace(NOT_ASCII_WORD, ' ').trim()
    : text.normalize('NFKD').replace(COMBINING_MARKS, '').toLowerCase().replace(NOT_WORD, ' ').trim();
}

/** The words of a text as keys compare them. */
export function nameWords(text: string): string[] {
  const folded = fold(text);
  return folded === '' ? [] : folded.split(' ');
}

/**
 * The keys under which a name is indexed: the whole name, and the name
 * without its trailing legal forms. Empty when the name is too short or
 * generic to be a reliable hint. Works on the folded string (a key is its
 * words joined by one space) so indexing 50,000 names builds few strings.
 */
export function nameKeys(name: string): string[] {
  const whole = fold(name);
  const keys: string[] = [];
  if (isUsableKey(whole)) keys.push(whole);
  let stripped = whole;
  for (let space = stripped.lastIndexOf(' '); space > 0 && LEGAL_FORMS.has(stripped.slice(space + 1)); space = stripped.lastIndexOf(' ')) {
    stripped = stripped.slice(0, space);
  }
  if (stripped !== whole && isUsableKey(stripped)) keys.push(stripped);
  return keys;
}

function isUsableKey(key: string): boolean {
  if (key.length < MIN_NAME_LENGTH) return false;
  const words = countWords(key);
  if (words > MAX_NAME_WORDS) return false;
  return words > 1 || !(GENERIC_NAMES.has(key) || LEGAL_FORMS.has(key) || /^\p{N}+$/u.test(key));
}

/** Words in a folded key: one more than its spaces. */
export function countWords(key: string): number {
  let count = 1;
  for (let i = 0; i < key.length; i += 1) if (key.charCodeAt(i) === 32) count += 1;
  return count;
}

export interface NameMatcher {
  /** Account ids by name key. */
  readonly byKey: ReadonlyMap<string, AccountIds>;
  /** The most words any key has: titles are scanned for runs up to this long. */
  readonly maxWords: number;
}

export interface NameHit {
  account_id: string;
  /** The key that matched, as it appears (normalised) in the title. */
  matched: string;
}

/**
 * Every account whose name or alias appears as whole words in `title`, once
 * per account (with its longest matching key: `acme ltd` over `acme`), in
 * the order the accounts first appear.
 */
export function findNamesInTitle(matcher: NameMatcher, title: string | undefined): NameHit[] {
  if (!title || matcher.maxWords === 0) return [];
  const words = nameWords(title).slice(0, MAX_TITLE_WORDS);
  const hits = new Map<string, NameHit>();
  for (let start = 0; start < words.length; start += 1) {
    let key = '';
    for (let length = 1; length <= matcher.maxWords && start + length <= words.length; length += 1) {
      key = length === 1 ? (words[start] ?? '') : `${key} ${words[start + length - 1] ?? ''}`;
      const ids = matcher.byKey.get(key);
      if (ids === undefined) continue;
      for (const account_id of idList(ids)) {
        const previous = hits.get(account_id);
        if (!previous || key.length > previous.matched.length) hits.set(account_id, { account_id, matched: key });
      }
    }
  }
  return [...hits.values()];
}

export const NAME_LIMITS = { MIN_NAME_LENGTH, MAX_NAME_WORDS, MAX_TITLE_WORDS } as const;
