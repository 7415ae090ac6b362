/**
 * A progress bar on stderr for long commands (`dingxing demo --units 100000`): redrawn in place on
 * a terminal, a line every tenth of the way when stderr goes to a file or a pipe. Its elapsed time
 * comes from the platform's stopwatch, which measures durations, not dates.
 */
import { stopwatch } from '../../platform/platform';
import type { CliIo } from '../command';

export interface ProgressBar {
  update(done: number, total: number): void;
  /** Ends the bar's line; call once the work is done (or failed). */
  finish(): void;
}

const width = 28;

function clock(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  const minutes = Math.floor(whole / 60);
  return `${minutes}:${String(whole % 60).padStart(2, '0')}`;
}

/** The bar's text: what, how far, how long so far and about how long is left. */
export function progressLine(label: string, done: number, total: number, elapsedSeconds: number): string {
  const share = total === 0 ? 1 : Math.min(1, done / total);
  const filled = Math.round(share * width);
  const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
  const percent = `${Math.floor(share * 100)}%`.padStart(4);
  const counts = `${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')}`;
  const left = done > 0 && done < total ? `，约剩 ${clock((elapsedSeconds / done) * (total - done))} / ~${clock((elapsedSeconds / done) * (total - done))} left` : '';
  return `  ${label} ${bar} ${percent}  ${counts}  ${clock(elapsedSeconds)}${left}`;
}

export function progressBar(io: CliIo, label: string, options: { terminal: boolean }): ProgressBar {
  let lastTenth = -1;
  let drawn = false;
  const elapsed = stopwatch();
  return {
    update(done, total) {
      if (options.terminal) {
        io.stderr(`\r${progressLine(label, done, total, elapsed())}\u001b[K`);
        drawn = true;
        return;
      }
      const tenth = total === 0 ? 10 : Math.floor((done / total) * 10);
      if (tenth === lastTenth) return;
      lastTenth = tenth;
      io.stderr(`${progressLine(label, done, total, elapsed())}\n`);
    },
    finish() {
      if (drawn) io.stderr('\n');
      drawn = false;
    },
  };
}
