import { execFile } from 'node:child_process';
import { chmod, chown, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * A throwaway PostgreSQL 15 cluster for one test run: a temporary data
 * directory, a free port on 127.0.0.1, fsync off, removed by `stop()`.
 *
 * `initdb` and the server refuse to run as root; sessions and CI run as root,
 * so the binaries run as the `postgres` user through `runuser` in that case.
 */
export interface PgCluster {
  readonly host: string;
  readonly port: number;
  readonly user: string;
  readonly dataDir: string;
  /** libpq URL of one database of the cluster. */
  url(database?: string): string;
  /** Environment for psql and pg_prove to reach the cluster. */
  env(database?: string): NodeJS.ProcessEnv;
  stop(): Promise<void>;
}

const PG_BIN = process.env.SIDECAR_PG_BIN ?? '/usr/lib/postgresql/15/bin';
const SUPERUSER = 'postgres';

export async function startCluster(): Promise<PgCluster> {
  const asRoot = process.getuid?.() === 0;
  const base = await mkdtemp(join(tmpdir(), 'sidecar-pg-'));
  const dataDir = join(base, 'data');
  const socketDir = base;
  if (asRoot) {
    const { uid, gid } = await postgresIds();
    await chown(base, uid, gid);
  }
  await chmod(base, 0o700);

  const asPostgres = (cmd: string, args: string[]) =>
    asRoot ? run('runuser', ['-u', 'postgres', '--', cmd, ...args]) : run(cmd, args);

  await asPostgres(join(PG_BIN, 'initdb'), [
    '-D', dataDir, '-U', SUPERUSER, '-A', 'trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync',
  ]);
  const port = await freePort();
  const options = [
    `-p ${port}`,
    `-k ${socketDir}`,
    '-c listen_addresses=127.0.0.1',
    '-c fsync=off',
    '-c synchronous_commit=off',
    '-c full_page_writes=off',
    '-c max_connections=200',
  ].join(' ');
  await asPostgres(join(PG_BIN, 'pg_ctl'), ['-D', dataDir, '-w', '-l', join(base, 'server.log'), '-o', options, 'start']);

  const host = '127.0.0.1';
  let stopped = false;
  return {
    host,
    port,
    user: SUPERUSER,
    dataDir,
    url: (database = 'postgres') => `postgresql://${SUPERUSER}@${host}:${port}/${database}`,
    env: (database = 'postgres') => ({
      ...process.env,
      PGHOST: host,
      PGPORT: String(port),
      PGUSER: SUPERUSER,
      PGDATABASE: database,
    }),
    async stop() {
      if (stopped) return;
      stopped = true;
      await asPostgres(join(PG_BIN, 'pg_ctl'), ['-D', dataDir, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
      await rm(base, { recursive: true, force: true });
    },
  };
}

async function postgresIds(): Promise<{ uid: number; gid: number }> {
  const { stdout: uid } = await run('id', ['-u', 'postgres']);
  const { stdout: gid } = await run('id', ['-g', 'postgres']);
  return { uid: Number(uid.trim()), gid: Number(gid.trim()) };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
