/** Handlers of the backups screen: thin calls into electron/main/backups/backups.ts. */
import path from 'node:path';
import type { backupProcedures } from '@shared/api/procedures/backups';
import type { HandlerMap } from '../dispatch';
import type { CoreServices } from '../core-services';
import { DxError } from '@shared/api/errors';
import { requireActor } from '../dispatch';
import { backupPath, backupStatus, listBackups } from '../../backups/backups';

type BackupHandlers = Pick<HandlerMap, keyof typeof backupProcedures>;

export function backupHandlers(services: CoreServices): BackupHandlers {
  const backupDir = path.join(services.dataDir, 'backups');
  return {
    'backups.list': () => ({ folder: backupDir, backups: listBackups(backupDir, { workstationId: services.workstation.id, dbFile: services.dbFile }) }),
    'backups.restore': async ({ name }, context) => {
      const actor = requireActor(context);
      const file = backupPath(backupDir, name);
      if (file === null) throw new DxError('NOT_FOUND', `备份文件夹中没有 ${name} / There is no backup named ${name}`, { issues: [{ path: ['name'], message: `no backup named ${name}` }] });
      const restoreFrom = services.platform.restoreFrom;
      if (restoreFrom === null) {
        throw new DxError('REFUSED', '这里不能在运行中恢复，请关闭应用后运行 dingxing restore / Restore is not possible here while running: close the app and run dingxing restore', {});
      }
      const result = await restoreFrom(file, actor);
      return { restored: name, ...result };
    },
    'backups.status': () => backupStatus(backupDir, services.dataDir, services.platform.now()),
  };
}
