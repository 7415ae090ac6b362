/**
 * Every migration, in order. A new one is a new file with the next number, appended here;
 * an applied migration is never edited.
 */
import type { Migration } from '../migration';
import { migration0001 } from './0001-workstation';

export const migrations: readonly Migration[] = [migration0001];

export const latestSchemaVersion = migrations.length;
