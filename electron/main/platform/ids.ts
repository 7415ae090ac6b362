/** Record ids: UUIDv7, time-ordered and made on the workstation, so records from many laptops merge without collisions. */
import { v7 as uuidv7 } from 'uuid';

export function newId(): string {
  return uuidv7();
}
