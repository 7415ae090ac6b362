// A new page of a list draws first the rows its box shows, then the others after the browser has
// painted; every row is in the page a frame later, and a box that shows them all draws them at once.
import { mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { nextTick } from 'vue';
import DataTableRows from '../../../renderer/src/components/data-table-rows';

const columns = [{ key: 'name' }];
const rows = (prefix: string, n: number) => Array.from({ length: n }, (_, index) => ({ id: `${prefix}-${index}`, name: `${prefix}${index}` }));
const names = (table: ReturnType<typeof mount>) => table.findAll('tr').map((row) => row.text());

describe('DataTableRows', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'requestAnimationFrame'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('draws the rows the box shows first and the rest after the next paint', async () => {
    const table = mount(DataTableRows, { props: { rows: rows('社区', 10), columns, rowKey: 'id', cells: {}, visibleRows: () => 3 } });
    expect(names(table)).toEqual(['社区0', '社区1', '社区2']);
    vi.advanceTimersToNextFrame();
    vi.advanceTimersToNextTimer();
    await nextTick();
    expect(names(table)).toHaveLength(10);
    await table.setProps({ rows: rows('企业', 8) });
    expect(names(table)).toEqual(['企业0', '企业1', '企业2']);
    vi.advanceTimersToNextFrame();
    vi.advanceTimersToNextTimer();
    await nextTick();
    expect(names(table)).toHaveLength(8);
  });

  it('draws a page that fits its box, or a table whose box size is not known, all at once', async () => {
    const fits = mount(DataTableRows, { props: { rows: rows('社区', 5), columns, rowKey: 'id', cells: {}, visibleRows: () => 12 } });
    expect(names(fits)).toHaveLength(5);
    const unknown = mount(DataTableRows, { props: { rows: rows('社区', 30), columns, rowKey: 'id', cells: {} } });
    expect(names(unknown)).toHaveLength(30);
  });

  it('a click finds its row among the first rows drawn', async () => {
    const page = rows('社区', 10);
    const table = mount(DataTableRows, { props: { rows: page, columns, rowKey: 'id', cells: {}, visibleRows: () => 3 } });
    await table.findAll('td')[1]?.trigger('click');
    expect(table.emitted('row-click')).toEqual([[page[1]]]);
  });
});
