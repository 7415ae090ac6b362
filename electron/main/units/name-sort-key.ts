/**
 * The key units sort by when a person sorts by name: the name in toneless pinyin (汉阳区四新社区 →
 * "han yang qu si xin she qu"), so 安 comes before 中 as in a Chinese dictionary, not in Unicode
 * order. Stored with each unit (units.name_sort) so a sorted page is read from an index.
 */
import { createRequire } from 'node:module';
import type * as PinyinPro from 'pinyin-pro';

// Its dictionaries take a while to load: loaded on the first name to sort, not by every command
// that opens the database (the migrations that use it are loaded with the database).
let loaded: typeof PinyinPro.pinyin | undefined;
function pinyinOf(): typeof PinyinPro.pinyin {
  loaded ??= (createRequire(import.meta.url)('pinyin-pro') as typeof PinyinPro).pinyin;
  return loaded;
}

export function nameSortKey(name: string): string {
  // Letters and digits in a name stay as they are, lower-cased, between the syllables.
  return pinyinOf()(name, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true }).join(' ').toLowerCase();
}
