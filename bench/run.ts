// `npm run bench`: runs every bench/*.bench.ts (or those named on the command line) and writes BENCHMARKS.md.
// `npm run bench NAME -- --quick` hands --quick to the benchmarks that have a smaller size.
// Each benchmark measures its own baseline in the same run and returns a Markdown section with ratios.
import { readdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, release } from 'node:os';
import { join, basename } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface BenchModule {
  title: string;
  run: () => Promise<string>;
}

const dir = import.meta.dirname;
// Names pick benchmarks; options (`--quick`) are left for the benchmarks themselves to read from process.argv.
const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const files = readdirSync(dir).filter((f) => f.endsWith('.bench.ts')).sort()
  .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)));

const sections: string[] = [];
for (const file of files) {
  const mod = (await import(pathToFileURL(join(dir, file)).href)) as BenchModule;
  console.log(`\n== ${mod.title} (${basename(file)})`);
  const started = performance.now();
  const section = await mod.run();
  console.log(section);
  console.log(`(${((performance.now() - started) / 1000).toFixed(1)} s)`);
  sections.push(`## ${mod.title}\n\n${section.trim()}\n`);
}

const cpu = cpus()[0]?.model ?? 'unknown CPU';
const header = `# Benchmarks

Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB,
Linux ${release()}, Node ${process.version}. Every ratio is against a baseline measured in the same run, named in its table.
Other jobs may share the machine: compare ratios, not absolute times, between runs.
`;
if (only.length === 0) writeFileSync(join(dir, '..', 'BENCHMARKS.md'), `${header}\n${sections.join('\n')}`);
else console.log('\n(only some benchmarks ran: BENCHMARKS.md left as it was)');
