/** Handlers of the backups screen: thin calls into electron/main/db/backups.ts. */
import path from 'node:path';
import type { backupProcedures } from '@shared/api/procedures/backups';
import type { HandlerMap } from '../dispatch';
import type { CoreServices } from '../../core-services';
import { backupStatus, listBackups } from '../../db/backups';

type BackupHandlers = Pick<HandlerMap, keyof typeof backupProcedures>;

export function backupHandlers(services: CoreServices): BackupHandlers {
  const backupDir = path.join(services.dataDir, 'backups');
  return {
    'backups.list': () => ({ folder: backupDir, backups: listBackups(backupDir) }),
    'backups.status': () => backupStatus(backupDir, services.dataDir, services.platform.now()),
  };
}
