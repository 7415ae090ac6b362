/** The shape of one `dingxing` command and what it is given to run. */
import type { Core } from '../core';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** stderr is a terminal (a progress bar may redraw itself in place). */
  stderrIsTerminal?: boolean;
}

export interface OptionSpec {
  type: 'string' | 'boolean';
  multiple?: boolean;
  short?: string;
  /** Shown in --help, e.g. "CODE  only units of this district". */
  help: string;
}

export type OptionValues = Record<string, string | boolean | (string | boolean)[] | undefined>;

export interface CommandContext {
  positionals: string[];
  values: OptionValues;
  json: boolean;
  dbFile: string;
  io: CliIo;
  /** Opens (creating or migrating) the database given by --db; closed when the command ends. */
  core(): Promise<Core>;
  /** Prints `json` as one document with --json, else the human text. */
  print(json: unknown, human: string): void;
}

export interface CliCommand {
  /** Words that name the command: ['units', 'import']. */
  path: string[];
  summary: string;
  /** Positional arguments as shown in usage, e.g. "FILE.csv". */
  args?: string;
  options?: Record<string, OptionSpec>;
  positionals?: { min: number; max?: number };
  /** Resolves to the exit code; 0 when omitted. Throw DxError to refuse (exit 1) or UsageError (exit 2). */
  run(context: CommandContext): Promise<number | void>;
}

/** Wrong words on the command line: exit 2 with usage. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly command?: CliCommand,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

export function stringOption(values: OptionValues, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}

export function integerOption(values: OptionValues, name: string, command: CliCommand): number | undefined {
  const raw = stringOption(values, name);
  if (raw === undefined) return undefined;
  if (!/^-?\d+$/.test(raw)) throw new UsageError(`--${name} takes a whole number, not "${raw}"`, command);
  return Number(raw);
}
