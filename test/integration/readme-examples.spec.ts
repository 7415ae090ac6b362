// Every `npx dingxing …` line of the README runs as written, in order, on a fresh database (serve, which runs until stopped, only starts).
// The lines run in this process, through the same entry as bin/dingxing.mjs, in the folder and with the environment
// the README gives them: what is checked is what each line does, while cli-start.spec.ts checks the installed command
// itself starting as a process (forty process starts cost more than the lines' own work).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/main/cli/run-cli';
import { tempDir } from '../helpers/temp';

const root = process.cwd();
const bin = path.join(root, 'bin', 'dingxing.mjs');

interface Example {
  args: string[];
  env: Record<string, string>;
}

/** A password where the README writes `DINGXING_PASSWORD=…`. */
const examplePassword = 'readme-password-1';

/**
 * The README's example lines: each `npx dingxing …` of the command section's code block, its comment removed,
 * with the environment it sets first (`DINGXING_PASSWORD=… npx dingxing …`).
 */
function readmeExamples(): Example[] {
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## The `dingxing` command'));
  const block = /```bash\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
  return block
    .split('\n')
    .map((line) => line.replace(/\s+#.*$/, '').trim())
    .filter((line) => /^(?:[A-Z_]+=\S+\s+)*npx dingxing/.test(line))
    .map((line) => {
      const words = line.split(/\s+/);
      const env: Record<string, string> = {};
      while (/^[A-Z_]+=/.test(words[0] as string)) {
        const [name, value] = (words.shift() as string).split('=') as [string, string];
        env[name] = value === '…' ? examplePassword : value;
      }
      return { args: words.slice(2), env };
    });
}

/** One line's command, as the installed command runs it, with what it printed. */
async function runCapturing(args: string[]): Promise<{ code: number; stderr: string }> {
  let stderr = '';
  const code = await runCli(args, { stdout: () => undefined, stderr: (text) => (stderr += text) });
  return { code, stderr };
}

/** Runs `work` as if started in `cwd` with `env` (a process's own folder and variables), and puts both back after. */
async function inFolderWith<T>(cwd: string, env: Record<string, string | undefined>, work: () => Promise<T>): Promise<T> {
  const savedFolder = process.cwd();
  const savedEnv = { ...process.env };
  process.chdir(cwd);
  Object.assign(process.env, env);
  try {
    return await work();
  } finally {
    process.chdir(savedFolder);
    for (const name of Object.keys(process.env)) if (!(name in savedEnv)) delete process.env[name];
    Object.assign(process.env, savedEnv);
  }
}

describe('the README’s dingxing examples', () => {
  it('run as written, in order, on a fresh database', { timeout: 300_000 }, async () => {
    const examples = readmeExamples();
    expect(examples.length).toBeGreaterThanOrEqual(12);
    // A fresh folder holding what a fresh clone has: the example files.
    const cwd = tempDir();
    fs.cpSync(path.join(root, 'docs', 'examples'), path.join(cwd, 'docs', 'examples'), { recursive: true });
    const env = { ...process.env, DINGXING_DB: path.join(cwd, 'dingxing.sqlite'), DINGXING_HOME: cwd };
    for (const { args, env: exampleEnv } of examples) {
      if (args[0] === 'serve') {
        const server = spawn(process.execPath, [bin, ...args], { cwd, env });
        const printed = await new Promise<string>((resolve, reject) => {
          let out = '';
          server.stdout.on('data', (chunk: Buffer) => {
            out += chunk.toString();
            if (out.includes('http://127.0.0.1:')) resolve(out);
          });
          server.on('exit', (code) => reject(new Error(`serve exited ${code}`)));
        });
        server.kill();
        expect(printed).toContain('http://127.0.0.1:5000/');
        continue;
      }
      const run = await inFolderWith(cwd, { ...env, ...exampleEnv }, () => runCapturing(args));
      expect({ command: args.join(' '), code: run.code, stderr: run.code === 0 ? '' : run.stderr }).toEqual({ command: args.join(' '), code: 0, stderr: '' });
    }
  });
});
