// The demo's progress bar: redrawn in place on a terminal, a line a tenth of the way in a log.
import { describe, expect, it } from 'vitest';
import { progressBar, progressLine } from '../../../electron/main/cli/text/progress-bar';

function capture() {
  const written: string[] = [];
  return { io: { stdout: () => undefined, stderr: (text: string) => void written.push(text) }, written };
}

describe('progress bar', () => {
  it('says how far, how many, how long so far and about how long is left', () => {
    const line = progressLine('单位 units', 25_000, 100_000, 60);
    expect(line).toContain('25%');
    expect(line).toContain('25,000/100,000');
    expect(line).toContain('1:00');
    expect(line).toContain('约剩 3:00 / ~3:00 left');
    expect(line.match(/█/g)).toHaveLength(7);
    expect(progressLine('单位 units', 100_000, 100_000, 300)).not.toContain('left');
  });

  it('redraws one line in place on a terminal and ends it once', () => {
    const { io, written } = capture();
    const bar = progressBar(io, '单位 units', { terminal: true });
    bar.update(1, 4);
    bar.update(2, 4);
    bar.finish();
    bar.finish();
    expect(written.filter((text) => text.startsWith('\r'))).toHaveLength(2);
    expect(written.filter((text) => text === '\n')).toHaveLength(1);
  });

  it('writes a line each tenth of the way to a log, not one per update', () => {
    const { io, written } = capture();
    const bar = progressBar(io, '单位 units', { terminal: false });
    for (let done = 1; done <= 1000; done += 1) bar.update(done, 1000);
    bar.finish();
    expect(written).toHaveLength(11);
    expect(written.every((text) => text.endsWith('\n') && !text.includes('\r'))).toBe(true);
    expect(written.at(-1)).toContain('100%');
  });
});
