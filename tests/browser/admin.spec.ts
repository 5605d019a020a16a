import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { test as base, type BrowserContext, type Page } from '@playwright/test';
import pg from 'pg';
import { SEED_CSMS, SEED_ORGANIZATION } from '../support/sync-workspace';
import { backgroundWorker, expect, launchWithExtension } from './support/extension';
import { signInOnOptionsPage, startWorkspaceServer, type WorkspaceServer } from './support/workspace-server';

/**
 * Issue 9, the admin half: the built admin page against the Supabase test
 * double on a real PostgreSQL with the seed (Brightpath Software; Jordan is
 * its admin, Marcus a CSM). What the database holds is read with SQL, not
 * through the extension.
 */
const test = base.extend<{ profile: string; pool: pg.Pool }, { server: WorkspaceServer }>({
  server: [
    async ({}, use) => {
      const server = await startWorkspaceServer();
      await use(server);
      await server.stop();
    },
    { scope: 'worker', timeout: 60_000 },
  ],
  profile: async ({}, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'sidecar-admin-'));
    await use(dir);
    await rm(dir, { recursive: true, force: true });
  },
  pool: async ({ server }, use) => {
    const pool = new pg.Pool({ connectionString: server.cluster.url(server.database), max: 2 });
    await use(pool);
    await pool.end();
  },
});

const ADMIN_EMAIL = 'jordan.reyes@brightpath-software.example';

async function openAdminPage(server: WorkspaceServer, profile: string, email: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await launchWithExtension(profile, { headless: true });
  const worker = await backgroundWorker(context);
  const extensionId = new URL(worker.url()).host;
  const page = await context.newPage();
  await signInOnOptionsPage(page, extensionId, server.double.url, server.double, email);
  await page.getByTestId('admin-link').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Organization admin · Brightpath Software', { timeout: 10_000 });
  return { context, page };
}

/** Serious and critical axe findings on the page, as "rule: target" lines. */
async function seriousAxeFindings(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}

const ACCOUNTS_FILE = [
  'Name,Domains,Owner Email,ARR,Renewal Date',
  'Pinecrest Outfitters,pinecrest-outfitters.example,marcus.webb@brightpath-software.example,54000,2027-04-30',
  '"Tidewater Clinics, Inc.","tidewater-clinics.example; www.tidewaterhealth.example",,23000.50,',
  'Northwind Freight,northwind-freight.example,,52000,',
  'Pinecrest Again,PINECREST-OUTFITTERS.example,,,',
  'Ghostly Goods,ghostly-goods.example,nobody@brightpath-software.example,,',
  'Broken Domain Co,not-a-domain,,,',
  'Half a line,half-a-line.example',
  'Ourselves,brightpath-software.example,,,',
  'Larkspur Travel,larkspur-travel.example,,36000,',
  'Price Tag Ltd,pricetag.example,,12k,31/12/2027',
].join('\n');

const STAKEHOLDERS_FILE = [
  'account,name,email,title,roles,position,influence',
  'pinecrest-outfitters.example,Ada Moss,Ada@Pinecrest-Outfitters.example,COO,Executive sponsor,sponsor,high',
  'Northwind Freight,Ben Ode,,,,,',
  'nowhere.example,Cy,,,,,',
  'www.pinecrest-outfitters.example,Ada M.,ada@pinecrest-outfitters.example,,,,',
].join('\n');

const EXPECTED_REPORT = [
  ['2', 'Pinecrest Outfitters', 'Create'],
  ['3', 'Tidewater Clinics, Inc.', 'Create'],
  ['4', 'Northwind Freight', 'Update', 'ARR: 48000 → 52000'],
  ['5', 'Pinecrest Again', 'Rejected', 'Duplicate of row 2 (same domain pinecrest-outfitters.example)'],
  ['6', 'Ghostly Goods', 'Rejected', 'Unknown owner: no member of the organization has the email nobody@brightpath-software.example'],
  ['7', 'Broken Domain Co', 'Rejected', 'Bad domain: "not-a-domain" is not a domain name such as acme.com'],
  ['8', 'Half a line', 'Rejected', 'Malformed line: it has 2 cells where the header has 5'],
  ['9', 'Ourselves', 'Rejected', "Bad domain: brightpath-software.example is one of your organization's own domains, never a customer's"],
  ['10', 'Larkspur Travel', 'Unchanged', ''],
  ['11', 'Price Tag Ltd', 'Rejected', 'ARR "12k" is not a number'],
];

async function reportRows(page: Page): Promise<string[][]> {
  const rows = page.getByTestId('import-report').locator('tbody tr');
  return rows.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
}

async function accountsOfSeed(pool: pg.Pool) {
  const { rows } = await pool.query<{ name: string; arr: string | null; renewal_on: string | null; owner: string | null; domains: string }>(
    `select a.name, a.arr::text, a.renewal_on::text, u.email as owner, string_agg(d.domain, ',' order by d.domain) as domains
     from public.accounts a left join auth.users u on u.id = a.owner_id left join public.account_domains d on d.account_id = a.id
     where a.organization_id = $1 group by a.id, u.email order by a.name`,
    [SEED_ORGANIZATION],
  );
  return rows;
}

test('an admin sets the stall threshold, meets the last-admin and customer-domain refusals, invites, and imports accounts exactly once', async ({ server, profile, pool }) => {
  test.setTimeout(90_000);
  const { context, page } = await openAdminPage(server, profile, ADMIN_EMAIL);
  try {
    expect(await seriousAxeFindings(page)).toEqual([]);

    // Settings: a bad value is caught in the page, a good one reaches PostgreSQL.
    const settings = page.getByTestId('settings');
    const stall = settings.getByLabel('An opportunity is stalled after (days)');
    await stall.fill('0');
    await settings.getByRole('button', { name: 'Save settings' }).click();
    await expect(stall).toHaveAccessibleDescription(/At least 1 day/);
    await stall.fill('45');
    await settings.getByRole('button', { name: 'Save settings' }).click();
    await expect(settings.getByRole('status')).toHaveText('Settings saved.', { timeout: 10_000 });
    expect((await pool.query('select stall_threshold_days from public.organizations where id = $1', [SEED_ORGANIZATION])).rows).toEqual([{ stall_threshold_days: 45 }]);

    // The only admin cannot step down: the database says so, the page shows it.
    const jordan = page.getByTestId(`member-${ADMIN_EMAIL}`);
    await jordan.getByLabel('New role for Jordan Reyes').selectOption('csm');
    await jordan.getByRole('button', { name: 'Change role of Jordan Reyes' }).click();
    await expect(jordan.getByRole('alert')).toHaveText('An organization must keep at least one admin.', { timeout: 10_000 });

    // A customer's domain cannot be an own domain; what was typed stays.
    const domains = page.getByTestId('own-domains');
    const domainField = domains.getByLabel(/email domains, one per line/);
    await domainField.fill('brightpath-software.example\nnorthwind-freight.example');
    await domains.getByRole('button', { name: 'Save domains' }).click();
    await expect(domainField).toHaveAccessibleDescription(/northwind-freight\.example is a customer account's domain/, { timeout: 10_000 });
    await expect(domainField).toHaveValue('brightpath-software.example\nnorthwind-freight.example');

    // Invitations: checked in the page, then listed once the database holds them.
    const invitations = page.getByTestId('invitations');
    await invitations.getByLabel('Email').fill('not an email');
    await invitations.getByRole('button', { name: 'Invite' }).click();
    await expect(invitations.getByLabel('Email')).toHaveAccessibleDescription('Enter an email address, such as dana@example.com');
    await invitations.getByLabel('Email').fill('Rosa.Lind@brightpath-software.example');
    await invitations.getByLabel('Role').selectOption('manager');
    await invitations.getByRole('button', { name: 'Invite' }).click();
    await expect(invitations.getByRole('list', { name: 'Open invitations' })).toContainText('rosa.lind@brightpath-software.example · Manager', { timeout: 10_000 });
    expect((await pool.query(`select role::text from public.invitations where email = 'rosa.lind@brightpath-software.example'`)).rows).toEqual([{ role: 'manager' }]);

    // Import: the dry run names every problem and writes nothing.
    const before = await accountsOfSeed(pool);
    const importCard = page.getByTestId('import');
    await importCard.getByLabel('CSV file').setInputFiles({ name: 'accounts.csv', mimeType: 'text/csv', buffer: Buffer.from(ACCOUNTS_FILE) });
    await importCard.getByRole('button', { name: /Check file/ }).click();
    await expect(page.getByTestId('import-counts')).toHaveText('2 to create, 1 to update, 1 unchanged, 6 rejected.', { timeout: 15_000 });
    const rows = await reportRows(page);
    expect(rows.map(([row, name, outcome]) => [row, name, outcome])).toEqual(EXPECTED_REPORT.map(([row, name, outcome]) => [row, name, outcome]));
    for (const [index, expected] of EXPECTED_REPORT.entries()) if (expected[3] !== undefined) expect(rows[index]![3]).toContain(expected[3]);
    expect(await accountsOfSeed(pool)).toEqual(before);

    // Confirming writes exactly the create and update rows.
    await importCard.getByRole('button', { name: 'Import 3 rows' }).click();
    await expect(importCard.getByRole('status')).toHaveText('Imported: 2 created, 1 updated. Everything has reached the workspace.', { timeout: 20_000 });
    const after = await accountsOfSeed(pool);
    const added = after.filter((a) => !before.some((b) => b.name === a.name));
    expect(added).toEqual([
      { name: 'Pinecrest Outfitters', arr: '54000.00', renewal_on: '2027-04-30', owner: SEED_CSMS.marcus.email, domains: 'pinecrest-outfitters.example' },
      { name: 'Tidewater Clinics, Inc.', arr: '23000.50', renewal_on: null, owner: null, domains: 'tidewater-clinics.example,tidewaterhealth.example' },
    ]);
    const changed = after.filter((a) => before.some((b) => b.name === a.name) && !before.some((b) => JSON.stringify(b) === JSON.stringify(a)));
    expect(changed.map((a) => [a.name, a.arr])).toEqual([['Northwind Freight', '52000.00']]);
    expect(after.length).toBe(before.length + 2);

    // The same file again: nothing to create or update, nothing written.
    const stamp = async () => (await pool.query(`select max(change_seq)::text as seq from (select change_seq from public.accounts union all select change_seq from public.account_domains) s`)).rows[0];
    const seqBefore = await stamp();
    await importCard.getByLabel('CSV file').setInputFiles({ name: 'accounts.csv', mimeType: 'text/csv', buffer: Buffer.from(ACCOUNTS_FILE) });
    await importCard.getByRole('button', { name: /Check file/ }).click();
    await expect(page.getByTestId('import-counts')).toHaveText('0 to create, 0 to update, 4 unchanged, 6 rejected.', { timeout: 15_000 });
    await expect(importCard.getByText('Nothing to write: every row is unchanged or rejected.')).toBeVisible();
    await expect(importCard.getByRole('button', { name: /^Import \d/ })).toHaveCount(0);
    expect(await stamp()).toEqual(seqBefore);
    expect(await accountsOfSeed(pool)).toEqual(after);

    // Stakeholders of the imported accounts, named by domain or by name.
    await importCard.getByLabel('Stakeholders').check();
    await importCard.getByLabel('CSV file').setInputFiles({ name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from(STAKEHOLDERS_FILE) });
    await importCard.getByRole('button', { name: /Check file/ }).click();
    await expect(page.getByTestId('import-counts')).toHaveText('2 to create, 0 to update, 0 unchanged, 2 rejected.', { timeout: 15_000 });
    expect((await reportRows(page)).map(([row, , outcome, details]) => [row, outcome, details])).toEqual([
      ['2', 'Create', 'name: Ada Mossemail: ada@pinecrest-outfitters.exampletitle: COOroles: executive_sponsorposition: sponsorinfluence: high'],
      ['3', 'Create', 'name: Ben Ode'],
      ['4', 'Rejected', 'Unknown account: no account has the domain or name "nowhere.example" (import the accounts first)'],
      ['5', 'Rejected', 'Duplicate of row 2 (same account and email ada@pinecrest-outfitters.example)'],
    ]);
    await importCard.getByRole('button', { name: 'Import 2 rows' }).click();
    await expect(importCard.getByRole('status')).toHaveText('Imported: 2 created, 0 updated. Everything has reached the workspace.', { timeout: 20_000 });
    const people = await pool.query(
      `select a.name as account, s.name, s.email, s.roles::text[] as roles, s.position::text, s.influence::text
       from public.stakeholders s join public.accounts a on a.id = s.account_id where s.name in ('Ada Moss', 'Ben Ode', 'Cy', 'Ada M.') order by s.name`,
    );
    expect(people.rows).toEqual([
      { account: 'Pinecrest Outfitters', name: 'Ada Moss', email: 'ada@pinecrest-outfitters.example', roles: ['executive_sponsor'], position: 'sponsor', influence: 'high' },
      { account: 'Northwind Freight', name: 'Ben Ode', email: null, roles: [], position: 'unknown', influence: null },
    ]);

    expect(await seriousAxeFindings(page)).toEqual([]);
  } finally {
    await context.close();
  }
});

test('a CSM sees the organization read-only, and the database refuses the admin writes the CSM sends anyway', async ({ server, profile, pool }) => {
  test.setTimeout(60_000);
  const { context, page } = await openAdminPage(server, profile, SEED_CSMS.marcus.email);
  try {
    await expect(page.getByTestId('read-only-note')).toContainText('read-only for you');
    await expect(page.getByTestId('members')).toContainText(ADMIN_EMAIL);
    await expect(page.getByRole('button', { name: /Change role|Remove|Invite|Save/ })).toHaveCount(0);
    expect(await seriousAxeFindings(page)).toEqual([]);

    // The page hides the buttons; the database is what refuses. Send the writes anyway.
    const marcusMember = (await pool.query<{ id: string }>('select id from public.members where user_id = $1', [SEED_CSMS.marcus.userId])).rows[0]!.id;
    const attempts = [
      { type: 'admin.set-role', member_id: marcusMember, role: 'admin' },
      { type: 'admin.update-settings', goal_current_days: 7, insight_shared_days: 7, stall_threshold_days: 7 },
      { type: 'admin.set-domains', domains: ['marcus-was-here.example'] },
      { type: 'admin.invite', id: crypto.randomUUID(), email: 'friend@marcus.example', role: 'admin' },
      { type: 'admin.remove-member', member_id: marcusMember },
    ];
    const answers = await page.evaluate((messages) => Promise.all(messages.map((m) => chrome.runtime.sendMessage(m))), attempts);
    expect(answers.map((a: { ok: boolean; error?: { code: string; server_code: string | null } }) => [a.ok, a.error?.code, a.error?.server_code])).toEqual(
      attempts.map(() => [false, 'refused', 'SCAUT']),
    );

    const state = await pool.query(
      `select (select role::text from public.members where user_id = $2) as role,
              (select goal_current_days from public.organizations where id = $1) as goal_days,
              (select count(*)::int from public.organization_domains where domain = 'marcus-was-here.example') as domains,
              (select count(*)::int from public.invitations where email = 'friend@marcus.example') as invitations`,
      [SEED_ORGANIZATION, SEED_CSMS.marcus.userId],
    );
    expect(state.rows).toEqual([{ role: 'csm', goal_days: 90, domains: 0, invitations: 0 }]);

    // Nor can the CSM run an import, even by message.
    const imported = await page.evaluate(() => chrome.runtime.sendMessage({ type: 'admin.import-plan', kind: 'accounts', csv: 'name\nSneaky Co' }));
    expect(imported).toMatchObject({ ok: false, error: { code: 'refused' } });
  } finally {
    await context.close();
  }
});
