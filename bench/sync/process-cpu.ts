import { readdir, readFile } from 'node:fs/promises';

/**
 * User + system CPU seconds used so far by a family of processes: those
 * whose command line contains `marker` (Chromium's profile directory,
 * PostgreSQL's data directory) and all their descendants (renderers and
 * utility processes; the server's backends), read from /proc. On a machine
 * shared with other work, CPU time is the steadier figure beside wall time.
 * Processes that have already exited are not counted.
 */
export async function cpuSecondsOf(marker: string): Promise<number> {
  const ticksPerSecond = 100; // Linux USER_HZ
  const processes = new Map<number, { parent: number; ticks: number; marked: boolean }>();
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = await readFile(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const cmdline = await readFile(`/proc/${name}/cmdline`, 'utf8');
      processes.set(Number(name), { parent: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]), marked: cmdline.includes(marker) });
    } catch {
      // The process ended between the listing and the read.
    }
  }
  const inFamily = (pid: number): boolean => {
    for (let at = processes.get(pid); at; at = processes.get(at.parent)) if (at.marked) return true;
    return false;
  };
  let ticks = 0;
  for (const [pid, process] of processes) if (inFamily(pid)) ticks += process.ticks;
  return ticks / ticksPerSecond;
}

/** CPU seconds of this Node process (the sync engine and the Supabase double share it). */
export function nodeCpuSeconds(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
}

/**
 * CPU seconds per Chromium process type (`--type=renderer`, utility
 * sub-types; the browser process, which runs IndexedDB's backend, has no
 * type) for the Chromium whose browser process's command line contains
 * `marker`, and its descendants only.
 */
export async function chromiumCpuByType(marker: string): Promise<Record<string, number>> {
  const all = new Map<number, { parent: number; ticks: number; cmd: string }>();
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = await readFile(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      all.set(Number(name), { parent: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]), cmd: await readFile(`/proc/${name}/cmdline`, 'utf8') });
    } catch {
      // The process ended between the listing and the read.
    }
  }
  const root = [...all].find(([, process]) => process.cmd.includes(marker) && !process.cmd.includes('--type='))?.[0];
  const byType: Record<string, number> = {};
  for (const [pid, process] of all) {
    let ours = false;
    for (let at: number | undefined = pid; at && !ours; at = all.get(at)?.parent) ours = at === root;
    if (!ours) continue;
    const type = /--type=([a-z-]+)/.exec(process.cmd)?.[1] ?? 'browser';
    const sub = /--utility-sub-type=([\w.]+)/.exec(process.cmd)?.[1];
    const key = sub ? `${type}:${sub}` : type;
    byType[key] = (byType[key] ?? 0) + process.ticks / 100;
  }
  return byType;
}

/** `after - before` per process type, as text, types that used under 0.05 s left out. */
export function describeCpuByType(before: Record<string, number>, after: Record<string, number>): string {
  return Object.entries(after)
    .map(([type, seconds]) => [type, seconds - (before[type] ?? 0)] as const)
    .filter(([, seconds]) => seconds >= 0.05)
    .map(([type, seconds]) => `${type} ${seconds.toFixed(1)}`)
    .join(', ');
}
