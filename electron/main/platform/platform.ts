/**
 * What only a door can provide, handed to the core once when it opens: where secrets are kept
 * (Electron: the OS keychain through safeStorage; CLI and serve: a passphrase), the fonts for
 * PDFs, printing (only the desktop has a print dialog) and the clock (tests set it).
 */
import path from 'node:path';
import { packageRoot } from './renderer-dir';
import type { Actor } from '@shared/domain/roles';

/** Wraps a small secret (a key-encryption key) so it can be stored; only this method unwraps it. */
export interface KeyStore {
  /** Stored beside each wrapped secret, so the right method is used to unwrap it: e.g. `passphrase`, `safeStorage`. */
  readonly method: string;
  /** True when unwrapping asks a person (a terminal prompt): background work such as audit checkpoints then waits. */
  readonly asks?: boolean;
  protect(secret: Buffer): Promise<Buffer>;
  unprotect(blob: Buffer): Promise<Buffer>;
}

export interface Platform {
  /** Null where no way to keep a secret was set up (e.g. no passphrase given): signing is then refused. */
  keyStore: KeyStore | null;
  fontsDir: string;
  /** Opens the system print dialog for a PDF; null where there is none (browser, CLI). */
  print: ((pdfFile: string) => Promise<void>) | null;
  now(): Date;
  /**
   * Puts a backup in place of the open database and reopens the core; only a door that hosts its
   * core (serve, the desktop app) can; null elsewhere (the CLI has `dingxing restore`).
   */
  restoreFrom: ((backupFile: string, actor: Actor) => Promise<{ previousBackup: string | null; schemaVersion: number }>) | null;
}

/**
 * The one place the core reads the machine's clock. `DINGXING_NOW` (an ISO instant) sets the
 * clock to that instant instead, and lets it run on from there: tests, demos and screenshots then
 * see the same dates whatever day they run. It reads that instant at `DINGXING_NOW_SINCE` (epoch
 * milliseconds of the real clock) when given, so that every process of one test run shares one
 * clock that only moves forward; else when the clock is made.
 */
export function systemClock(env: NodeJS.ProcessEnv = process.env): () => Date {
  const pinned = env.DINGXING_NOW;
  if (pinned === undefined || pinned === '') return () => new Date();
  const start = new Date(pinned).getTime();
  if (Number.isNaN(start)) throw new Error(`DINGXING_NOW is not a date and time: ${pinned}`);
  const since = env.DINGXING_NOW_SINCE ? Number(env.DINGXING_NOW_SINCE) : Date.now();
  if (!Number.isFinite(since)) throw new Error(`DINGXING_NOW_SINCE is not a number of milliseconds: ${env.DINGXING_NOW_SINCE}`);
  return () => new Date(start + (Date.now() - since));
}

/**
 * Seconds since it was made, from the machine's monotonic clock: how long something has taken (a
 * progress bar's elapsed time), never what day it is, so a pinned clock has nothing to pin here.
 */
export function stopwatch(): () => number {
  const origin = performance.now();
  return () => (performance.now() - origin) / 1000;
}

/** A clock that reads `start` now and runs on with real elapsed time (jobs in workers, pinned clocks). */
export function clockStartingAt(start: Date): () => Date {
  const origin = performance.now();
  return () => new Date(start.getTime() + Math.round(performance.now() - origin));
}

export function defaultFontsDir(): string {
  return path.join(packageRoot(), 'build', 'fonts');
}

/** The platform of plain Node (CLI, serve, tests) before a door adds what it has. */
export function nodePlatform(overrides: Partial<Platform> = {}): Platform {
  return { keyStore: null, fontsDir: defaultFontsDir(), print: null, now: systemClock(), restoreFrom: null, ...overrides };
}
