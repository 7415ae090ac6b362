/** Entry of the `dingxing` command (bundled to dist/cli.mjs). */
import { runCli } from './cli/run-cli';

const exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
process.exitCode = exitCode;
