// What kind of answer an item of the assessment form takes, read from how it is drawn.
import type { Page } from 'playwright-core';

export type Kind = 'check' | 'veto' | 'survey' | 'percent' | 'count' | 'scale';

export async function kindOf(page: Page, itemId: string): Promise<Kind> {
  return page.getByTestId(`item-${itemId}`).evaluate((item): Kind => {
    if (item.querySelector('.veto-yes')) return 'veto';
    if (item.querySelector('.el-radio-group')) return 'check';
    if (item.querySelector('.survey')) return 'survey';
    const unit = item.querySelector('.control .with-unit')?.textContent ?? '';
    if (unit.includes('%')) return 'percent';
    return unit.trim() === '' ? 'scale' : 'count';
  });
}
