// Every action the core writes to the audit log is in words in both languages: an action added to the core without
// its translation fails here. And an entry reads as labelled fields, the record by its name, not JSON and ids.
import { describe, expect, it } from 'vitest';
import { createAppI18n } from '../../renderer/src/i18n/index';
import { detailRows } from '../../renderer/src/views/settings/audit-details';

/** The core's sources as text (read by Vite, so this spec needs no Node APIs). */
const sources = import.meta.glob('../../electron/main/**/*.ts', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

/** Every `action: '…'` (and both sides of `action: x ? '…' : '…'`) in the core's sources. */
function recordedActions(): string[] {
  const found = new Set<string>();
  for (const source of Object.values(sources)) {
    for (const match of source.matchAll(/\baction:\s*(?:[^,;{}]*?\?\s*)?'([a-z][\w.]*)'(?:\s*:\s*'([a-z][\w.]*)')?/g)) {
      for (const action of [match[1], match[2]]) if (action) found.add(action);
    }
  }
  return [...found].sort();
}

describe('audit actions in words', () => {
  const actions = recordedActions();

  it('finds the actions the core records', () => {
    expect(actions).toEqual(expect.arrayContaining(['assessment.sign', 'bundle.import', 'bundle.refuse', 'ding.inputs.record', 'trust.add', 'keys.unlock', 'certificates.revokeForVeto']));
  });

  for (const locale of ['zh-CN', 'en'] as const) {
    it(`translates every one into ${locale}`, () => {
      const { global: i18n } = createAppI18n(locale);
      const missing = actions.filter((action) => !i18n.te(`audit.actions.${action.replace(/\./g, '_')}`, locale));
      expect(missing).toEqual([]);
    });
  }

  it('shows details as labelled fields with records by name and counts by table', () => {
    const { global: i18n } = createAppI18n('zh-CN');
    const rows = detailRows(
      {
        data: JSON.stringify({ total: 87.5, awardedStars: 3, unitId: 'u1', decidedBy: 'stepUp', added: { units: 2, assessments: 5 }, full: false }),
        dataRefs: { unitId: { kind: 'unit', id: 'u1', name: '汉阳区鹦鹉洲物流有限公司', unitName: '汉阳区鹦鹉洲物流有限公司', cycle: null, district: null } },
      },
      i18n,
      false,
      (code) => code,
    );
    expect(rows.map((row) => `${row.label}：${row.value}`)).toEqual(['总分：87.5', '授予星级：3', '单位：单位 汉阳区鹦鹉洲物流有限公司', '决定规则：逐级晋升', '新增：单位 2 · 评定 5', '全部导出：否']);
  });
});
