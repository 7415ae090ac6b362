/** Handlers for the system procedures: status, backup, job cancellation. */
import fs from 'node:fs';
import path from 'node:path';
import { DxError } from '@shared/api/errors';
import type { Dispatcher, HandlerMap } from '../dispatch';
import type { systemProcedures } from '@shared/api/procedures/system';
import type { CoreServices } from '../core-services';
import { latestSchemaVersion } from '../../db/migrations/index';
import { schemaVersionOf } from '../../db/open-database';
import { fileStamp } from '../../backups/backups';
import { backupDatabase } from '../../backups/online-backup';
import { privateFolder } from '../../files/private-files';

type SystemHandlers = Pick<HandlerMap, keyof typeof systemProcedures>;

function countRows(services: CoreServices): Record<string, number> {
  const tables = services.db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name IN ('units', 'assessments', 'rubric_packs', 'certificates')")
    .pluck()
    .all() as string[];
  const counts: Record<string, number> = {};
  for (const table of tables) {
    counts[table] = services.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  }
  return counts;
}

export function systemHandlers(services: CoreServices, dispatcher: () => Dispatcher): SystemHandlers {
  return {
    'system.status': () => ({
      appVersion: services.appVersion,
      workstationId: services.workstation.id,
      workstationName: services.workstation.name,
      workstationNamed: services.workstation.named,
      dbFile: services.dbFile,
      schemaVersion: schemaVersionOf(services.db),
      latestSchemaVersion,
      runtime: { node: process.versions.node, electron: services.electronVersion, platform: process.platform },
      counts: countRows(services),
      writerJob: services.writeGate.writer,
    }),
    'system.backup': (_input, context) => {
      const file = path.join(services.dataDir, 'backups', `dingxing-${fileStamp(services.platform.now())}.sqlite`);
      privateFolder(path.dirname(file));
      return backupDatabase(context.domain(), file, { progress: context.progress, throwIfCancelled: context.throwIfCancelled });
    },
    'system.backupTo': ({ file }, context) => {
      if (!path.isAbsolute(file)) throw new DxError('BAD_INPUT', `备份文件须为绝对路径：${file} / the backup file must be an absolute path: ${file}`, { issues: [{ path: ['file'], message: 'not an absolute path' }] });
      if (fs.existsSync(file)) throw new DxError('REFUSED', `${file} already exists; choose a new file name`);
      return backupDatabase(context.domain(), file, { progress: context.progress, throwIfCancelled: context.throwIfCancelled });
    },
    'system.integrityCheck': (input, context) => context.runJob(input),
    'jobs.cancel': ({ jobId }) => ({ cancelled: dispatcher().cancel(jobId) }),
  };
}
