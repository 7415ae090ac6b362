/**
 * Every domain's messages merged into one tree per language. A domain adds its file here;
 * top-level keys must not collide (a unit test checks).
 */
import { coreMessages } from './core';
import { unitMessages } from './units';
import { assessmentMessages } from './assessments';
import { settingsMessages } from './settings';
import { authMessages } from './auth';
import { backupMessages } from './backups';
import { certificateMessages } from './certificates';
import { dingMessages } from './ding';
import { auditMessages } from './audit';
import { exchangeMessages } from './exchange';
import { keysMessages } from './keys';
import { recordMessages } from './records';
import { registryMessages } from './registry';
import { a11yMessages } from './a11y';

export const messageModules = [coreMessages, unitMessages, assessmentMessages, settingsMessages, authMessages, backupMessages, certificateMessages, dingMessages, exchangeMessages, auditMessages, keysMessages, recordMessages, registryMessages, a11yMessages] as const;

type Merge<M extends readonly { zhCN: unknown }[]> = M extends readonly [infer Head, ...infer Rest extends readonly { zhCN: unknown }[]]
  ? (Head extends { zhCN: infer Z } ? Z : never) & Merge<Rest>
  : unknown;

export type MessageSchema = Merge<typeof messageModules>;

function merge(language: 'zhCN' | 'en'): MessageSchema {
  return Object.assign({}, ...messageModules.map((module) => module[language])) as MessageSchema;
}

export const zhCN = merge('zhCN');
export const en = merge('en');
