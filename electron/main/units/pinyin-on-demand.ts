/**
 * `pinyin` from pinyin-pro, loaded on its first call. Its dictionaries take a while to load, and
 * the migrations that use it (frozen: units/name-sort key of migration 0010 keeps its own copy and
 * imports the package itself) are loaded by every command that opens the database; the node build
 * (build/build-node.mjs) resolves `pinyin-pro` to this module, so no command loads the package
 * unless a name is really turned into pinyin.
 */
import { createRequire } from 'node:module';
import type * as PinyinPro from 'pinyin-pro';

let loaded: typeof PinyinPro.pinyin | undefined;

export const pinyin = ((...args: Parameters<typeof PinyinPro.pinyin>) => {
  loaded ??= (createRequire(import.meta.url)('pinyin-pro') as typeof PinyinPro).pinyin;
  return (loaded as (...input: unknown[]) => unknown)(...args);
}) as typeof PinyinPro.pinyin;
