/** Entry of the `dingxing` command (bundled to dist/cli.mjs). */
import { endQuietlyWhenStdoutCloses } from './cli/closed-stdout';
import { runCli } from './cli/run-cli';

endQuietlyWhenStdoutCloses(process.stdout, (code) => process.exit(code));
const exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stderrIsTerminal: process.stderr.isTTY === true,
});
process.exitCode = exitCode;
