/** Every `dingxing` command, in the order --help lists them. */
import type { CliCommand } from '../command';
import { initCommand } from './init';
import { serveCommand } from './serve';

export const commands: CliCommand[] = [initCommand, serveCommand];
