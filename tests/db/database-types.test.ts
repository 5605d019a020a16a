import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { DATABASE_TYPES_FILE, generateDatabaseTypes } from '../../scripts/database-types';
import { connectionConfig, useTestDatabase } from './support/test-database';

const db = useTestDatabase();

describe('lib/database.types.ts', () => {
  it('is what the generator makes of the migrations today (run `npm run gen:types` after changing them)', async () => {
    const { host, port, user } = connectionConfig(db.database());
    const fresh = await generateDatabaseTypes(`postgresql://${user}@${host}:${port}/${db.database()}`);
    const committed = await readFile(DATABASE_TYPES_FILE, 'utf8');
    expect(committed === fresh, 'lib/database.types.ts is out of date: run `npm run gen:types`').toBe(true);
  });

  it('exposes the write API and the facts view to the extension', async () => {
    const committed = await readFile(DATABASE_TYPES_FILE, 'utf8');
    for (const name of ['save_goal', 'pull_changes', 'account_detail', 'opportunity_facts', 'intent_signal_kind']) expect(committed).toContain(name);
  });
});
