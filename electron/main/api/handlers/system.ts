/** Handlers for the system procedures: status, backup, job cancellation. */
import fs from 'node:fs';
import path from 'node:path';
import type { Dispatcher, HandlerMap } from '../dispatch';
import { requireActor } from '../dispatch';
import type { systemProcedures } from '@shared/api/procedures/system';
import { DxError } from '@shared/api/errors';
import type { CoreServices } from '../../core-services';
import { latestSchemaVersion } from '../../db/migrations/index';
import { schemaVersionOf } from '../../db/open-database';
import { runJob } from '../../jobs/run-job';
import { fileStamp } from '../../db/backups';
import { createPrivateFile, privateFolder } from '../../files/private-files';

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
    'system.backup': async (_input, context) => {
      const actor = requireActor(context);
      const stamp = fileStamp(services.platform.now());
      const file = path.join(services.dataDir, 'backups', `dingxing-${stamp}.sqlite`);
      privateFolder(path.dirname(file));
      createPrivateFile(file);
      try {
        await services.db.backup(file, {
          progress({ totalPages, remainingPages }) {
            context.progress(totalPages - remainingPages, totalPages);
            // Throwing from the progress callback is how better-sqlite3 aborts a backup.
            context.throwIfCancelled();
            return 200;
          },
        });
      } catch (error) {
        fs.rmSync(file, { force: true });
        if (error instanceof DxError) throw error;
        throw new DxError('INTERNAL', `Backup failed: ${(error as Error).message}`);
      }
      services.audit({ actor: actor.userId, action: 'backup', subject: file });
      return { file, bytes: fs.statSync(file).size };
    },
    'system.integrityCheck': async (input, context) =>
      (await runJob(services, 'system.integrityCheck', input, context)) as { ok: boolean; problems: string[] },
    'jobs.cancel': ({ jobId }) => ({ cancelled: dispatcher().cancel(jobId) }),
  };
}
