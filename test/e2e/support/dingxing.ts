// The `dingxing` command for an e2e test's set-up, run inside the test process: the same command
// line, exit code and output as `node bin/dingxing.mjs …`, without a process start per command
// (seconds each on a loaded machine). What the e2e tests are about is the served app in the
// browser, which still runs as its own process (serve.ts); how its database was filled is not.
import { runCli } from '../../../electron/main/cli/run-cli';

export interface DingxingOptions {
  /** Variables the command reads (DINGXING_PASSWORD, DINGXING_KEY_PASSPHRASE), set only while it runs. */
  env?: Record<string, string | undefined>;
  /** Exit codes that are not a failure of the set-up (e.g. 1 for an import the test wants refused). */
  allow?: number[];
}

/** Runs one command and returns what it printed; a failing command throws with its exit code and message. */
export async function dingxing(args: string[], options: DingxingOptions = {}): Promise<string> {
  const saved = new Map(Object.keys(options.env ?? {}).map((name) => [name, process.env[name]]));
  for (const [name, value] of Object.entries(options.env ?? {})) setVariable(name, value);
  let stdout = '';
  let stderr = '';
  try {
    const code = await runCli(args, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
    if (code !== 0 && !(options.allow ?? []).includes(code)) throw new Error(`dingxing ${args.join(' ')} → exit ${code}: ${stderr}`);
    return stdout;
  } finally {
    for (const [name, value] of saved) setVariable(name, value);
  }
}

function setVariable(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}
