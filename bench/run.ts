/**
 * `npm run bench [filter]`: runs every benchmark under bench/ and writes
 * BENCHMARKS.md. With a filter, runs only the files whose name contains it
 * and prints the figures without rewriting the report.
 */
import { readdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Benchmark, BenchResult } from './benchmark';

const BENCH_DIR = resolve(import.meta.dirname);
const REPORT = resolve(BENCH_DIR, '..', 'BENCHMARKS.md');

interface Section {
  file: string;
  title: string;
  results: BenchResult[];
  error?: string;
}

async function main(): Promise<void> {
  const filter = process.argv[2];
  const loadAtStart = loadavg()[0] ?? 0;
  const files = (await readdir(BENCH_DIR)).filter((f) => f.endsWith('.bench.ts') && (!filter || f.includes(filter))).sort();
  const sections: Section[] = [];
  for (const file of files) {
    const module = (await import(pathToFileURL(join(BENCH_DIR, file)).href)) as { default: Benchmark };
    const benchmark = module.default;
    process.stdout.write(`▶ ${benchmark.title}\n`);
    try {
      const results = await benchmark.run();
      for (const r of results) process.stdout.write(`  ${r.name}: ${format(r)}\n${filter && r.note ? `    how: ${r.note}\n` : ''}`);
      sections.push({ file, title: benchmark.title, results });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      process.stdout.write(`  failed: ${message}\n`);
      sections.push({ file, title: benchmark.title, results: [], error: message });
    }
    // Written after each benchmark, so a run stopped part-way keeps what it measured.
    if (!filter) await writeFile(REPORT, render(sections, loadAtStart, loadavg()[0] ?? 0));
  }
  if (sections.some((s) => s.error)) process.exitCode = 1;
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
