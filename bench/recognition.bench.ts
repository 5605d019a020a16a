/**
 * Account recognition at the size issue 8 names: 50,000 accounts, 100,000
 * account domains and 200,000 stakeholder addresses, generated
 * deterministically.
 *
 * The index build is measured from what the background has after a wake:
 * the store's recognition cache (its bucket JSON, rows with their keys,
 * written by lib/store/recognition-rows.ts), parsed afresh before every
 * sample so no string comes in already hashed. Deriving those keys (what a
 * full cache rebuild costs, paid when rows are written, not per build) is a
 * row of its own.
 */
import { loadavg } from 'node:os';
import { defineBenchmark, medianMs } from './benchmark';
import { RecognitionInput, type RecognitionContext, type RecognitionParticipant, type RecognitionRows } from '../lib/recognition/input';
import { buildRecognitionIndex } from '../lib/recognition/recognition-index';
import { recognise } from '../lib/recognition/recognise';
import { addTo, bucketOf, BUCKETS, decodeBuckets, emptyBucket, parseBucket, type Bucket } from '../lib/store/recognition-rows';
import { seededRandom as seeded } from '../tests/support/seeded-random';

const ACCOUNTS = 50_000;
const DOMAINS = 100_000;
const STAKEHOLDERS = 200_000;
const OWN_DOMAIN = 'sidecar-vendor.com';


const SYLLABLES = ['ac', 'me', 'glo', 'bex', 'ini', 'tech', 'um', 'brel', 'la', 'sto', 'rk', 'vo', 'ra', 'zen', 'qu', 'ix', 'no', 'va', 'tri', 'on', 'del', 'ta', 'ka', 'ri', 'mo', 'lu', 'pe', 'sa', 'ti', 'ver'];
const SUFFIXES = ['com', 'com', 'com', 'co.uk', 'com.au', 'io', 'de', 'fr', 'co.jp', 'com.br', 'nl', 'ca'];
const FORMS = ['Ltd', 'Inc', 'GmbH', 'Group', 'Labs', 'Systems', ''];
const FIRST = ['ann', 'bo', 'cy', 'dee', 'eli', 'fay', 'gus', 'hal', 'ida', 'jo', 'kim', 'lee'];

interface World {
  rows: RecognitionRows;
  /** The same rows as stored records (UUID ids, as the store has them), for the cache writer. */
  records: { accounts: Record<string, unknown>[]; account_domains: Record<string, unknown>[]; stakeholders: Record<string, unknown>[]; organization_domains: Record<string, unknown>[] };
  threads: RecognitionContext[];
}

/** A UUID-shaped id, deterministic: the store's ids are UUIDs, and the cache buckets rows by their last hex digits. */
const uuid = (kind: number, i: number) => `${kind.toString(16).padStart(8, '0')}-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;

export function generateWorld(): World {
  const random = seeded(8);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const word = (): string => Array.from({ length: 2 + Math.floor(random() * 2) }, () => pick(SYLLABLES)).join('');

  const accounts: RecognitionRows['accounts'] = [];
  const accountDomains: (RecognitionRows['accountDomains'][number] & { id: string })[] = [];
  const stakeholders: RecognitionRows['stakeholders'] = [];
  const domainsOf: string[][] = [];
  for (let i = 0; i < ACCOUNTS; i += 1) {
    const base = `${word()}${i.toString(36)}`;
    const second = random() < 0.5 ? ` ${word()}` : '';
    const name = `${base[0]?.toUpperCase()}${base.slice(1)}${second} ${pick(FORMS)}`.trim();
    accounts.push({ id: uuid(1, i), name, aliases: random() < 0.3 ? [base.toUpperCase()] : [] });
    domainsOf.push([]);
  }
  for (let d = 0; d < DOMAINS; d += 1) {
    const accountIndex = d % ACCOUNTS;
    const account = accounts[accountIndex];
    if (!account) continue;
    const label = account.name.toLowerCase().split(' ')[0] ?? 'x';
    const domain = d < ACCOUNTS ? `${label}.${pick(SUFFIXES)}` : `${random() < 0.5 ? 'eu.' : ''}${label}-${pick(['group', 'labs', 'global'])}.${pick(SUFFIXES)}`;
    accountDomains.push({ id: uuid(2, d), account_id: account.id, domain });
    domainsOf[accountIndex]?.push(domain);
  }
  for (let s = 0; s < STAKEHOLDERS; s += 1) {
    const accountIndex = s % ACCOUNTS;
    const domain = random() < 0.05 ? 'gmail.com' : pick(domainsOf[accountIndex] ?? ['example.com']);
    stakeholders.push({ id: uuid(3, s), account_id: uuid(1, accountIndex), email: `${pick(FIRST)}.${s.toString(36)}@${domain}`, name: `Person ${s}` });
  }
  const rows: RecognitionRows = { accounts, accountDomains, stakeholders, ownDomains: [OWN_DOMAIN] };
  const records: World['records'] = {
    accounts,
    account_domains: accountDomains,
    stakeholders,
    organization_domains: [{ id: uuid(4, 0), domain: OWN_DOMAIN }],
  };

  // Threads as a CSM's inbox has them: a customer sender, colleagues in copy,
  // a known stakeholder, someone at a subdomain, a personal address, a stranger.
  const threads: RecognitionContext[] = [];
  for (let t = 0; t < 200; t += 1) {
    const customer = Math.floor(random() * ACCOUNTS);
    const other = Math.floor(random() * ACCOUNTS);
    const home = domainsOf[customer]?.[0] ?? 'example.com';
    const stakeholder = stakeholders[customer + ACCOUNTS * Math.floor(random() * 4)];
    const participants: RecognitionParticipant[] = [
      { email: `${pick(FIRST)}@${home}`, role: 'from', name: 'Sender' },
      { email: `${pick(FIRST)}@mail.eu.${home}`, role: 'to' },
      { email: stakeholder?.email ?? `x@${home}`, role: 'to' },
      { email: `${pick(FIRST)}@${domainsOf[other]?.[1] ?? home}`, role: 'cc' },
      { email: `casey@${OWN_DOMAIN}`, role: 'to' },
      { email: `lee@${OWN_DOMAIN}`, role: 'cc' },
      { email: `robin@eu.${OWN_DOMAIN}`, role: 'cc' },
      { email: `${pick(FIRST)}${t}@gmail.com`, role: 'cc' },
      { email: `${pick(FIRST)}@${word()}-partners.co.uk`, role: 'cc' },
      { email: `${pick(FIRST)}@${word()}.io`, role: 'to' },
    ];
    threads.push({ title: `Re: ${accounts[customer]?.name ?? ''} renewal and QBR agenda`, self: `casey@${OWN_DOMAIN}`, participants });
  }
  return { rows, records, threads };
}

/** The cache's buckets for every record, as the store's full rebuild writes them (keys derived here). */
function encodeBuckets(records: World['records']): Bucket[] {
  const buckets = Array.from({ length: BUCKETS }, emptyBucket);
  for (const kind of ['accounts', 'account_domains', 'stakeholders', 'organization_domains'] as const) {
    for (const record of records[kind]) addTo(buckets[bucketOf(record.id as string)]!, kind, record);
  }
  return buckets;
}

/** The input as a woken background reads it: each bucket's JSON parsed and checked, the rows decoded. */
function readCache(json: readonly string[]): RecognitionInput {
  return decodeBuckets(json.map((text) => parseBucket(text) ?? failed('a bucket the cache wrote did not read back')));
}

function failed(message: string): never {
  throw new Error(message);
}

interface BuildTimes {
  wallMs: number;
  cpuMs: number;
}

/**
 * Median wall and process CPU time (user + system, garbage-collector threads
 * included) of building the index, each sample from a freshly read cache.
 */
function timeBuilds(json: readonly string[], samples: number, warmup: number): BuildTimes {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < warmup + samples; i += 1) {
    const input = readCache(json);
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    buildRecognitionIndex(input);
    const end = performance.now();
    const used = process.cpuUsage(cpuStart);
    if (i < warmup) continue;
    wall.push(end - start);
    cpu.push((used.user + used.system) / 1000);
  }
  const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
  return { wallMs: median(wall), cpuMs: median(cpu) };
}

export default defineBenchmark({
  title: 'Account recognition (issue 8)',
  async run() {
    const { records, threads } = generateWorld();
    const load = loadavg()[0] ?? 0;
    const deriveMs = medianMs(() => encodeBuckets(records), 3, 1);
    const json = encodeBuckets(records).map((bucket) => JSON.stringify(bucket));
    const readMs = medianMs(() => readCache(json), 3, 1);
    const build = timeBuilds(json, 7, 2);
    const input = readCache(json);
    const parseMs = medianMs(() => RecognitionInput.parse(input), 3, 1);
    const index = buildRecognitionIndex(input);

    let next = 0;
    let recognised = 0;
    const recogniseMs = medianMs(
      () => {
        const thread = threads[next % threads.length] as RecognitionContext;
        next += 1;
        if (recognise(index, thread).candidates.length > 0) recognised += 1;
      },
      5_001,
      500,
    );
    if (recognised === 0) throw new Error('the generated threads recognised no account: the benchmark data is wrong');

    const size = `${ACCOUNTS.toLocaleString('en')} accounts, ${DOMAINS.toLocaleString('en')} domains, ${STAKEHOLDERS.toLocaleString('en')} stakeholder addresses`;
    const rowCount = (ACCOUNTS + DOMAINS + STAKEHOLDERS).toLocaleString('en');
    return [
      {
        name: 'build the recognition index',
        value: build.wallMs,
        unit: 'ms',
        target: 300,
        issue: 8,
        note: `median of 7 builds after 2 warm-ups, each from the store's recognition cache (rows with their keys) parsed afresh, as after a wake; ${size}; 1-minute load average ${load.toFixed(1)} when started`,
      },
      {
        name: 'build the recognition index, process CPU time',
        value: build.cpuMs,
        unit: 'ms',
        note: 'the same 7 builds; user + system time of the whole process (garbage-collector threads included), less sensitive than wall time to other work on the machine',
      },
      {
        name: `derive the recognition keys of all ${rowCount} rows (a full rebuild of the store's cache)`,
        value: deriveMs,
        unit: 'ms',
        note: `median of 3; every row written into the cache's buckets with its keys (address key, configured host and registrable domain, name keys): paid when rows are written or the cache is rebuilt, not per index build; ${size}`,
      },
      {
        name: "parse and check the store's recognition cache into the index input (Node)",
        value: readMs,
        unit: 'ms',
        note: `median of 3; JSON.parse of the ${BUCKETS} buckets (${(json.reduce((sum, text) => sum + text.length, 0) / 1e6).toFixed(1)} M characters), every row's fields type-checked, and the rows decoded; not part of the index build (bench/local-store.bench.ts measures the real read in Chromium's IndexedDB)`,
      },
      {
        name: 'recognise a 10-participant thread',
        value: recogniseMs,
        unit: 'ms',
        target: 0.1,
        issue: 8,
        note: 'median of 5,001 calls over 200 generated threads (customer sender, subdomain, stakeholder, other account, 3 internal, free-mail, 2 unknown domains, account name in subject)',
      },
      { name: 'validate the store rows with zod (RecognitionInput.parse)', value: parseMs, unit: 'ms', note: `median of 3; not part of the index build; ${size}` },
    ];
  },
});
