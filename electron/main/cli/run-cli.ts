/**
 * `dingxing`: parses the command line, finds the command, runs it against the core (through the
 * dispatcher, as every door does) and maps the outcome to the documented exit codes (README: 0 ok,
 * 1 refused, 2 usage).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { bilingualMessage, DxError } from '@shared/api/errors';
import { describeIssues } from '@shared/api/zod-issues';
import { appVersion } from '../platform/app-version';
import type { Core } from '../host/core';
import { defaultDatabaseFile } from '../platform/data-dir';
import { callCore } from './call-core';
import { cliPlatform } from './cli-platform';
import { commands } from './commands/index';
import type { CliCommand, CliIo, CommandContext, OptionSpec } from './command';
import { UsageError } from './command';

const globalOptions: Record<string, OptionSpec> = {
  db: { type: 'string', help: 'FILE  the database (default: the desktop app’s, see README)' },
  json: { type: 'boolean', help: 'print one JSON document' },
  help: { type: 'boolean', short: 'h', help: 'show help' },
};

function findCommand(words: string[]): { command: CliCommand; rest: string[] } | undefined {
  let best: CliCommand | undefined;
  for (const command of commands) {
    const matches = command.path.every((word, index) => words[index] === word);
    if (matches && (best === undefined || command.path.length > best.path.length)) best = command;
  }
  return best ? { command: best, rest: words.slice(best.path.length) } : undefined;
}

function formatOptions(options: Record<string, OptionSpec>): string {
  return Object.entries(options)
    .map(([name, spec]) => {
      const flag = `${spec.short ? `-${spec.short}, ` : ''}--${name}`;
      const [argument, ...words] = spec.help.includes('  ') ? spec.help.split('  ') : ['', spec.help];
      return `  ${`${flag} ${argument}`.trimEnd().padEnd(26)} ${words.join('  ')}`;
    })
    .join('\n');
}

export function commandUsage(command: CliCommand): string {
  const lines = [
    `Usage: dingxing ${command.path.join(' ')}${command.args ? ` ${command.args}` : ''} [options]`,
    '',
    command.summary,
    '',
    'Options:',
    formatOptions({ ...(command.options ?? {}), ...globalOptions }),
  ];
  return lines.join('\n');
}

export function generalUsage(): string {
  const width = Math.max(...commands.map((command) => `${command.path.join(' ')} ${command.args ?? ''}`.length));
  const rows = commands.map(
    (command) => `  ${`${command.path.join(' ')} ${command.args ?? ''}`.padEnd(width)}  ${command.summary}`,
  );
  return [
    `dingxing ${appVersion}: 鼎星评定工作站 (Dingxing Assessment Workstation)`,
    '',
    'Usage: dingxing <command> [options]',
    '',
    'Commands:',
    ...rows,
    '',
    'Every command takes:',
    formatOptions(globalOptions),
    '',
    'Exit codes: 0 success, 1 input refused (the message says what and where), 2 usage error.',
    'Run "dingxing <command> --help" for a command’s options.',
  ].join('\n');
}

/**
 * `--units -5` written as `--units=-5`: parseArgs takes a value that starts with a dash for an
 * option and refuses it as "ambiguous", so a negative number would never reach the command's own
 * check, which names the allowed range.
 */
function joinNegativeValues(args: string[], options: Record<string, { type: string }>): string[] {
  const joined: string[] = [];
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index] as string;
    const next = args[index + 1];
    const name = arg.startsWith('--') ? arg.slice(2) : undefined;
    if (name !== undefined && options[name]?.type === 'string' && next !== undefined && /^-\d/.test(next)) {
      joined.push(`${arg}=${next}`);
      index += 1;
    } else joined.push(arg);
    if (arg === '--') {
      joined.push(...args.slice(index + 1));
      break;
    }
  }
  return joined;
}

function parse(command: CliCommand, rest: string[]) {
  const options = { ...(command.options ?? {}), ...globalOptions };
  const parseOptions = Object.fromEntries(
    Object.entries(options).map(([name, spec]) => [
      name,
      { type: spec.type, ...(spec.multiple ? { multiple: true } : {}), ...(spec.short ? { short: spec.short } : {}) },
    ]),
  );
  try {
    return parseArgs({ args: joinNegativeValues(rest, options), options: parseOptions, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0] ?? 'Bad arguments', command);
  }
}

function checkPositionals(command: CliCommand, positionals: string[]): void {
  const { min, max } = command.positionals ?? { min: 0, max: 0 };
  if (positionals.length < min) throw new UsageError(`Missing argument: ${command.args ?? ''}`.trim(), command);
  if (max !== undefined && positionals.length > max) {
    throw new UsageError(`Unexpected argument: ${positionals[max]}`, command);
  }
}

function printError(io: CliIo, json: boolean, error: DxError): void {
  const issues = error.details?.issues;
  const detail = issues && issues.length > 0 ? `\n${issues.map((issue) => `  - ${describeIssues([issue])}`).join('\n')}` : '';
  io.stderr(`dingxing: ${bilingualMessage(error.code, error.message)}${detail}\n`);
  if (json) io.stdout(`${JSON.stringify({ error: error.toJSON() }, null, 2)}\n`);
}

/**
 * A refused command changes nothing, not even by creating the database: one this very run created
 * (it did not exist, and opening found no schema) and left without a single audited change holds
 * only the shipped reference data, and is removed.
 */
async function removeIfCreatedAndUnchanged(core: Core, existedBefore: boolean): Promise<void> {
  if (existedBefore || core.migrated.from !== 0) return;
  const { total } = await callCore(core, 'audit.list', { limit: 1 });
  if (total !== 0) return;
  const file = core.services.dbFile;
  core.close();
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true });
}

/** Operating-system failures a person can fix (a port in use, a folder given as a file, no permission). */
function dxErrorOfSystem(error: unknown): DxError | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const where = (error as { path?: string; port?: number } | undefined)?.path ?? (error as { port?: number } | undefined)?.port ?? '';
  switch (code) {
    case 'EADDRINUSE':
      return new DxError('REFUSED', `端口 ${where} 已被占用，请用 --port 选择其他端口 / port ${where} is in use; choose another with --port`, { errno: code });
    case 'EACCES':
    case 'EPERM':
      return new DxError('REFUSED', `没有权限：${where} / permission denied: ${where}`, { errno: code });
    case 'EISDIR':
      return new DxError('REFUSED', `${where} 是文件夹，不是文件 / ${where} is a folder, not a file`, { errno: code });
    case 'ENOENT':
      return new DxError('REFUSED', `找不到 ${where} / ${where} does not exist`, { errno: code });
    case 'ENOSPC':
      return new DxError('REFUSED', `磁盘已满 / the disk is full`, { errno: code });
    default:
      return undefined;
  }
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const words = argv.filter((word) => !word.startsWith('-'));
  if (argv.length === 0 || (words.length === 0 && (argv.includes('--help') || argv.includes('-h')))) {
    io.stdout(`${generalUsage()}\n`);
    return argv.length === 0 ? 2 : 0;
  }
  if (argv[0] === '--version' || argv[0] === '-v') {
    io.stdout(`${appVersion}\n`);
    return 0;
  }
  if (argv[0] === 'help') {
    const found = findCommand(argv.slice(1));
    io.stdout(`${found ? commandUsage(found.command) : generalUsage()}\n`);
    return 0;
  }
  const found = findCommand(argv);
  if (!found) {
    io.stderr(`dingxing: unknown command "${words.join(' ') || argv[0]}"\n\n${generalUsage()}\n`);
    return 2;
  }
  const { command, rest } = found;
  let core: Core | undefined;
  let existedBefore = true;
  let keepNew = false;
  let code = 1;
  let json = false;
  try {
    const parsed = parse(command, rest);
    json = parsed.values.json === true;
    if (parsed.values.help === true) {
      io.stdout(`${commandUsage(command)}\n`);
      return 0;
    }
    checkPositionals(command, parsed.positionals);
    const dbOption = parsed.values.db;
    const dbFile = path.resolve(typeof dbOption === 'string' ? dbOption : defaultDatabaseFile());
    const context: CommandContext = {
      positionals: parsed.positionals,
      values: parsed.values,
      json,
      dbFile,
      io,
      async core() {
        if (core === undefined) {
          existedBefore = fs.existsSync(dbFile);
          // Loaded here, not at start: --help and a usage error never load the core.
          const [{ openCore }, { idleLockMsFrom }] = await Promise.all([import('../host/core'), import('../host/core-host')]);
          core = await openCore({ dbFile, idleLockMs: idleLockMsFrom(process.env), platform: cliPlatform() });
        }
        return core;
      },
      keepNewDatabase() {
        keepNew = true;
      },
      print(document, human) {
        io.stdout(json ? `${JSON.stringify(document, null, 2)}\n` : human.endsWith('\n') ? human : `${human}\n`);
      },
    };
    code = (await command.run(context)) ?? 0;
    // A command that wrote enough audit entries signs a checkpoint before it ends (never asking for the passphrase).
    if (code === 0 && core) await core.checkpoints.ifDue();
    return code;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`dingxing: ${error.message}\n\n${commandUsage(error.command ?? command)}\n`);
      return 2;
    }
    const known = error instanceof DxError ? error : ((await import('../host/core-host')).dxErrorOfSqlite(error) ?? dxErrorOfSystem(error));
    if (known) {
      printError(io, json, known);
      return 1;
    }
    // The program's fault: say so plainly; the stack trace only when asked for (DINGXING_DEBUG=1).
    const internal = new DxError('INTERNAL', `内部错误 / internal error: ${error instanceof Error ? error.message : String(error)}`);
    printError(io, json, internal);
    if (process.env.DINGXING_DEBUG) io.stderr(`${(error as Error).stack ?? String(error)}\n`);
    return 1;
  } finally {
    if (core !== undefined && code !== 0 && !keepNew) await removeIfCreatedAndUnchanged(core, existedBefore).catch(() => undefined);
    core?.close();
  }
}
