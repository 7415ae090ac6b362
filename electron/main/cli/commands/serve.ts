/** `dingxing serve`: the same app in a browser, on 127.0.0.1 only, behind a per-run token. */
import path from 'node:path';
import type { CliCommand } from '../command';
import { integerOption, UsageError } from '../command';
import { rendererDir } from '../../platform/renderer-dir';
import { nodePlatform } from '../../platform/platform';
import { passphraseKeyStoreFromEnv } from '../../crypto/passphrase-key-store';
import type { KeysStatus } from '@shared/domain/keys';
import { callCore } from '../call-core';

export const serveCommand: CliCommand = {
  path: ['serve'],
  summary: 'Run the app in a browser on 127.0.0.1 (prints the URL with its access token)',
  options: {
    port: { type: 'string', help: 'P  port on 127.0.0.1 (default 4680; 0 picks a free one)' },
    'renderer-dir': { type: 'string', help: 'DIR  built renderer to serve (default: the bundled one)' },
  },
  async run(context) {
    const port = integerOption(context.values, 'port', serveCommand) ?? 4680;
    if (port < 0 || port > 65535) throw new UsageError(`--port must be between 0 and 65535, not ${port}`, serveCommand);
    // The server hosts its core so that 备份与恢复 can put a backup in place and carry on.
    // Keys are the users' business: a leader or admin unlocks them in the app. A script may still
    // hand them over with DINGXING_KEY_PASSPHRASE; this terminal never asks.
    // Loaded when serving: the other commands never need the HTTP door.
    const [{ hostCore, idleLockMsFrom }, { startHttpServer }] = await Promise.all([import('../../host/core-host'), import('../../transports/http-server')]);
    const host = await hostCore({ dbFile: context.dbFile, idleLockMs: idleLockMsFrom(process.env), platform: nodePlatform({ keyStore: passphraseKeyStoreFromEnv() }) });
    const dirOption = context.values['renderer-dir'];
    const server = await startHttpServer({
      dispatcher: host.dispatcher,
      port,
      rendererDir: typeof dirOption === 'string' ? path.resolve(dirOption) : rendererDir(),
    }).catch((error: unknown) => {
      host.close();
      throw error;
    });
    // After the server is up: a refused start (port in use) closes the database with no backup under way.
    host.startScheduledBackups();
    const keys = await callCore(host.current, 'keys.status', {});
    context.print(
      { url: server.url, port: server.port, dbFile: context.dbFile, keys },
      `鼎星评定工作站 is running at\n\n  ${server.url}\n\nDatabase: ${context.dbFile}\n${keysLine(keys)}\nOpen the link above in a browser on this computer. Press Ctrl+C to stop.`,
    );
    await new Promise<void>((resolve) => {
      const stop = () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        void server.close().then(() => {
          host.close();
          resolve();
        });
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    return 0;
  },
};

/** What the operator should know about signing before the first person asks for a plaque. */
function keysLine(keys: KeysStatus): string {
  if (!keys.created) return '工作站密钥：尚未创建。管理员在 设置 › 系统状态 创建后才能签发证书。\nWorkstation keys: not made yet; an admin makes them in Settings › System status before plaques can be issued.';
  if (keys.unlocked) return '工作站密钥：已由 DINGXING_KEY_PASSPHRASE 解锁。\nWorkstation keys: unlocked by DINGXING_KEY_PASSPHRASE.';
  return '工作站密钥：已锁定。组长或管理员签发证书时在应用中输入口令解锁。\nWorkstation keys: locked; a team leader or admin unlocks them in the app with the passphrase when signing.';
}
