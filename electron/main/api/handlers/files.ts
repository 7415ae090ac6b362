/** Handlers of files crossing in pieces: they only move bytes between the door and this run's transfer folder. */
import type { fileProcedures } from '@shared/api/procedures/files';
import type { HandlerMap } from '../dispatch';
import { requireActor } from '../dispatch';
import type { CoreServices } from '../core-services';

type FileHandlers = Pick<HandlerMap, keyof typeof fileProcedures>;

export function fileHandlers(services: CoreServices): FileHandlers {
  const transfers = services.transfers;
  return {
    'files.startUpload': ({ fileName, bytes }, context) => transfers.startUpload(requireActor(context).userId, fileName, bytes),
    'files.uploadChunk': ({ uploadId, offset, dataBase64 }, context) => transfers.appendChunk(requireActor(context).userId, uploadId, offset, Buffer.from(dataBase64, 'base64')),
    'files.readDownload': ({ downloadId, offset }, context) => {
      const piece = transfers.readDownload(requireActor(context).userId, downloadId, offset);
      return { dataBase64: piece.data.toString('base64'), bytes: piece.bytes, nextOffset: piece.nextOffset };
    },
  };
}
