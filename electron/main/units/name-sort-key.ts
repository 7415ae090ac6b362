/**
 * The key units sort by when a person sorts by name: the name in toneless pinyin (汉阳区四新社区 →
 * "han yang qu si xin she qu"), so 安 comes before 中 as in a Chinese dictionary, not in Unicode
 * order. Stored with each unit (units.name_sort) so a sorted page is read from an index.
 */
import { pinyin } from 'pinyin-pro';

export function nameSortKey(name: string): string {
  // Letters and digits in a name stay as they are, lower-cased, between the syllables.
  return pinyin(name, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true }).join(' ').toLowerCase();
}
