// The `footnote` command: parses the command line, runs one sub-command, prints one clear line on failure.
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { commands } from './commands.ts';
import { UsageError, type CliIo } from './command.ts';
import { createContext, type EngineContext } from '../engine/context.ts';
import { inProcessClient } from '../api/client.ts';
import { defaultDataDir } from './paths.ts';
import { APP_VERSION } from '../version.ts';

const common: ParseArgsOptionsConfig = {
  'data-dir': { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
};

function helpText(): string {
  const width = Math.max(...commands.map((c) => c.usage.length));
  return [
    `footnote ${APP_VERSION}: feeds saved offline, state-media labels flagged, Boolean search.`,
    '',
    'Usage: footnote <command> [options]   (every command takes --data-dir DIR and --json)',
    '',
    ...commands.map((c) => `  ${c.usage.padEnd(width)}  ${c.summary}`),
  ].join('\n');
}

export async function main(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    console.log(helpText());
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    console.log(APP_VERSION);
    return 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    console.error(`footnote: unknown command "${name}"; run "footnote --help" for the list.`);
    return 2;
  }
  let ctx: EngineContext | undefined;
  try {
    const { values, positionals } = parseArgs({ args: rest, options: { ...common, ...command.options }, allowPositionals: true, strict: true });
    if (values['help'] === true) {
      console.log(`Usage: footnote ${command.usage}\n${command.summary}`);
      return 0;
    }
    const dataDir = typeof values['data-dir'] === 'string' ? values['data-dir'] : defaultDataDir(env);
    const context = (): EngineContext => (ctx ??= createContext(dataDir));
    const io: CliIo = {
      positionals,
      values,
      json: values['json'] === true,
      dataDir,
      context,
      api: { call: (method, args) => inProcessClient(context()).call(method, args) },
      out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
      err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
      stdoutIsTTY: process.stdout.isTTY === true,
    };
    return (await command.run(io)) ?? 0;
  } catch (err) {
    const usage = err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    console.error(`footnote ${name}: ${oneLine((err as Error).message ?? String(err))}`);
    if (usage) console.error(`Usage: footnote ${command.usage}`);
    return usage ? 2 : 1;
  } finally {
    await ctx?.store.close();
  }
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
