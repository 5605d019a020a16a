import type { TestProject } from 'vitest/node';
import { createSidecarDatabase } from '../../support/database';
import { startCluster, type PgCluster } from '../../support/postgres-cluster';

/** The name of the prepared database every test file clones. */
export const TEMPLATE_DATABASE = 'sidecar_template';

declare module 'vitest' {
  export interface ProvidedContext {
    pgCluster: { host: string; port: number; user: string };
  }
}

let cluster: PgCluster | undefined;

export async function setup(project: TestProject): Promise<void> {
  cluster = await startCluster();
  await createSidecarDatabase(cluster, TEMPLATE_DATABASE, { seed: true, testHelpers: true });
  project.provide('pgCluster', { host: cluster.host, port: cluster.port, user: cluster.user });
}

export async function teardown(): Promise<void> {
  await cluster?.stop();
}
