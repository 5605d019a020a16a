/**
 * `npm run bench [filter]`: runs every benchmark under bench/ and writes
 * BENCHMARKS.md. With a filter, runs only the files whose name contains it
 * and prints the figures without rewriting the report.
 *
 * Each benchmark file runs in a process of its own (this script with
 * `--one <file>`): a benchmark that loads a 20,000-account organization
 * leaves a heap of hundreds of MB behind, and every later benchmark in the
 * same process would pay for it in garbage collection (the recognition
 * index build measured 400 ms after the dashboard benchmarks, against
 * about 300 ms alone).
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import type { Benchmark, BenchResult } from './benchmark';

const BENCH_DIR = resolve(import.meta.dirname);
const REPORT = resolve(BENCH_DIR, '..', 'BENCHMARKS.md');

interface Section {
  file: string;
  title: string;
  results: BenchResult[];
  error?: string;
}

/** What a child process reports for its one benchmark file. */
const SectionReport = z.object({
  title: z.string(),
  results: z.array(
    z.object({
      name: z.string(),
      value: z.number(),
      unit: z.enum(['ms', 's', 'KB', 'µs', 'ratio', 'count']),
      target: z.number().optional(),
      issue: z.number().optional(),
      note: z.string().optional(),
    }),
  ),
  error: z.string().optional(),
});

async function main(): Promise<void> {
  if (process.argv[2] === '--one') return runOne(process.argv[3] ?? '', process.argv[4] ?? '', process.argv[5] === 'notes');
  const filter = process.argv[2];
  const loadAtStart = loadavg()[0] ?? 0;
  const files = (await readdir(BENCH_DIR)).filter((f) => f.endsWith('.bench.ts') && (!filter || f.includes(filter))).sort();
  const sections: Section[] = [];
  const scratch = await mkdtemp(join(tmpdir(), 'sidecar-bench-'));
  try {
    for (const file of files) {
      sections.push(await runInChild(file, join(scratch, `${file}.json`), Boolean(filter)));
      // Written after each benchmark, so a run stopped part-way keeps what it measured.
      if (!filter) await writeFile(REPORT, render(sections, loadAtStart, loadavg()[0] ?? 0));
    }
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  if (sections.some((s) => s.error)) process.exitCode = 1;
}

/** Runs one benchmark file in a fresh process (same runtime, loader and options) and reads its report. */
async function runInChild(file: string, reportPath: string, printNotes: boolean): Promise<Section> {
  const args = [...process.execArgv, process.argv[1]!, '--one', file, reportPath, printNotes ? 'notes' : ''];
  const exitCode = await new Promise<number | null>((done, fail) => {
    const child = spawn(process.execPath, args, { stdio: 'inherit' });
    child.on('error', fail);
    child.on('exit', (code) => done(code));
  });
  try {
    return { file, ...SectionReport.parse(JSON.parse(await readFile(reportPath, 'utf8'))) };
  } catch {
    const error = `the benchmark's process ended (exit code ${String(exitCode)}) without a report`;
    process.stdout.write(`  failed: ${error}\n`);
    return { file, title: file, results: [], error };
  }
}

/** The child's side: runs `file`, prints its figures and writes them to `reportPath`. */
async function runOne(file: string, reportPath: string, printNotes: boolean): Promise<void> {
  const module = (await import(pathToFileURL(join(BENCH_DIR, file)).href)) as { default: Benchmark };
  const benchmark = module.default;
  process.stdout.write(`▶ ${benchmark.title}\n`);
  let report: z.infer<typeof SectionReport>;
  try {
    const results = await benchmark.run();
    for (const r of results) process.stdout.write(`  ${r.name}: ${format(r)}\n${printNotes && r.note ? `    how: ${r.note}\n` : ''}`);
    report = { title: benchmark.title, results };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    process.stdout.write(`  failed: ${message}\n`);
    report = { title: benchmark.title, results: [], error: message };
  }
  await writeFile(reportPath, JSON.stringify(report));
  // Benchmarks may leave handles open (servers, pools): the report is written, so end here.
  process.exit(0);
}

function format(r: BenchResult): string {
  const value = `${round(r.value)} ${r.unit}`;
  if (r.target === undefined) return value;
  return `${value} (target < ${r.target} ${r.unit}: ${r.value < r.target ? 'met' : 'NOT met'})`;
}

function round(n: number): string {
  if (Math.abs(n) >= 100) return n.toFixed(0);
  if (Math.abs(n) >= 1) return n.toFixed(2);
  return n.toPrecision(3);
}

function render(sections: Section[], loadAtStart: number, loadAtEnd: number): string {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const lines = [
    '# Benchmarks',
    '',
    'Written by `npm run bench`; do not edit by hand.',
    '',
    `- Date: ${new Date().toISOString()}`,
    `- Machine: ${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${process.platform}`,
    `- Load average (1 min) at start and end: ${loadAtStart.toFixed(1)} and ${loadAtEnd.toFixed(1)} on ${cpus().length} cores: wall times on a busy machine overstate the cost`,
    '- Command: `npm run bench`',
    '',
  ];
  for (const section of sections) {
    lines.push(`## ${section.title}`, '', `Source: \`bench/${section.file}\``, '');
    if (section.error) {
      lines.push(`**Failed:** ${section.error}`, '');
      continue;
    }
    lines.push('| measure | figure | target | issue | how |', '|---|---|---|---|---|');
    for (const r of section.results) {
      const target = r.target === undefined ? '—' : `< ${r.target} ${r.unit} (${r.value < r.target ? 'met' : '**not met**'})`;
      lines.push(`| ${r.name} | ${round(r.value)} ${r.unit} | ${target} | ${r.issue ? `#${r.issue}` : '—'} | ${r.note ?? ''} |`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

void main();
