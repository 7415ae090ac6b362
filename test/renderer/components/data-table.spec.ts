// The list table of long lists: placeholder rows before the first page (never "empty"), the old rows
// kept while the next page loads, only changed rows redrawn, sort headers that say their order.
import { mount } from '@vue/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { defineComponent, h, nextTick, ref } from 'vue';
import type { Component } from 'vue';
import { createAppI18n } from '../../../renderer/src/i18n/index';
import DataTableComponent from '../../../renderer/src/components/DataTable.vue';
import type { DataTableColumn, DataTableSort } from '../../../renderer/src/components/DataTable.vue';

interface Row { id: string; name: string; stars: number }
const columns: DataTableColumn[] = [
  { key: 'name', label: '名称', sortable: true, ellipsis: true },
  { key: 'stars', label: '星级', width: '120px', sortable: true },
  { key: 'note', label: '备注', width: '80px' },
];
// A generic component: mounted here with rows of this test's shape.
const DataTable: Component = DataTableComponent;
const rows = (names: string[]): Row[] => names.map((name, index) => ({ id: `u${index}-${name}`, name, stars: index % 6 }));

function mountTable(props: Record<string, unknown>) {
  return mount(DataTable, { props: { columns, rowKey: 'id', rows: [], emptyText: '没有单位', ...props }, global: { plugins: [createAppI18n('zh-CN')] } });
}

describe('DataTable', () => {
  it('shows placeholder rows, not the empty text, while the first page loads', () => {
    const table = mountTable({ loading: true });
    expect(table.find('[data-testid="table-skeleton"]').exists()).toBe(true);
    expect(table.text()).not.toContain('没有单位');
    expect(table.findAll('tbody tr')).toHaveLength(0);
  });

  it('shows the empty text once a page came back with nothing', () => {
    const table = mountTable({ loading: false });
    expect(table.text()).toContain('没有单位');
    expect(table.find('[data-testid="table-skeleton"]').exists()).toBe(false);
  });

  it('keeps the rows on screen, dimmed under a bar, while the next page loads', () => {
    const table = mountTable({ loading: true, rows: rows(['安居城社区', '百步亭社区']) });
    expect(table.findAll('tbody tr')).toHaveLength(2);
    expect(table.find('[role="progressbar"]').exists()).toBe(true);
    expect(table.attributes('aria-busy')).toBe('true');
  });

  it('draws each cell from its slot or the row’s value, and shows a dash for a missing one', () => {
    const table = mount(DataTable, {
      props: { columns, rowKey: 'id', rows: rows(['汉阳区四新社区']) },
      slots: { 'cell-stars': '<template #cell-stars="{ row }">★{{ row.stars }}</template>' },
      global: { plugins: [createAppI18n('zh-CN')] },
    });
    const cells = table.findAll('tbody td').map((cell) => cell.text());
    expect(cells).toEqual(['汉阳区四新社区', '★0', '—']);
    expect(table.find('tbody td').attributes('title')).toBe('汉阳区四新社区');
  });

  it('redraws only the rows that changed when the page changes', async () => {
    const shown = ref(rows(['一', '二', '三']));
    const Host = defineComponent({ setup: () => () => h(DataTable, { columns, rowKey: 'id', rows: shown.value }) });
    const table = mount(Host, { global: { plugins: [createAppI18n('zh-CN')] } });
    const before = table.findAll('tbody tr').map((row) => row.element);
    shown.value = [shown.value[0] as Row, shown.value[2] as Row, ...rows(['四'])];
    await nextTick();
    const after = table.findAll('tbody tr').map((row) => row.element);
    expect(after[0]).toBe(before[0]);
    expect(after[1]).toBe(before[2]);
    expect(after[2]).not.toBe(before[1]);
  });

  it('says the sort order in aria-sort and cycles a header through ascending, descending and none', async () => {
    const table = mountTable({ rows: rows(['一']), sort: { key: 'name', order: 'asc' } satisfies DataTableSort });
    const headers = table.findAll('th');
    expect(headers.map((header) => header.attributes('aria-sort'))).toEqual(['ascending', 'none', undefined]);
    await table.find('[data-testid="sort-name"]').trigger('click');
    await table.setProps({ sort: { key: 'name', order: 'desc' } });
    await table.find('[data-testid="sort-name"]').trigger('click');
    await table.find('[data-testid="sort-stars"]').trigger('click');
    expect(table.emitted('sort-change')).toEqual([[{ key: 'name', order: 'desc' }], [null], [{ key: 'stars', order: 'asc' }]]);
    expect(table.findAll('th')[2]?.find('button').exists()).toBe(false);
  });

  it('does not draw its rows again when it starts or stops loading or the screen around it changes', async () => {
    const shown = ref(rows(['一', '二', '三']));
    const loading = ref(false);
    const count = ref(0);
    let drawn = 0;
    const Host = defineComponent({
      setup: () => () =>
        h('div', [
          h('span', { class: 'count' }, `共 ${count.value} 个单位`),
          h(DataTable, { columns, rowKey: 'id', rows: shown.value, loading: loading.value }, { 'cell-name': ({ row }: { row: Row }) => ((drawn += 1), row.name) }),
        ]),
    });
    const table = mount(Host, { global: { plugins: [createAppI18n('zh-CN')] } });
    expect(drawn).toBe(3);
    loading.value = true;
    count.value = 3;
    await nextTick();
    expect(table.find('[role="progressbar"]').exists()).toBe(true);
    loading.value = false;
    await nextTick();
    expect(table.find('.count').text()).toBe('共 3 个单位');
    expect(drawn).toBe(3);
    shown.value = rows(['四', '五']);
    await nextTick();
    expect(drawn).toBe(5);
    expect(table.findAll('tbody tr').map((row) => row.find('td').text())).toEqual(['四', '五']);
  });

  it('with deferRows shows placeholder rows first and draws the page it was given in a task of its own', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'requestAnimationFrame'] });
    try {
      const table = mountTable({ rows: rows(['安居城社区', '百步亭社区']), deferRows: true });
      expect(table.find('[data-testid="table-skeleton"]').exists()).toBe(true);
      expect(table.findAll('tbody tr')).toHaveLength(0);
      vi.advanceTimersToNextFrame();
      vi.advanceTimersToNextTimer();
      await nextTick();
      expect(table.find('[data-testid="table-skeleton"]').exists()).toBe(false);
      expect(table.findAll('tbody tr').map((row) => row.find('td').text())).toEqual(['安居城社区', '百步亭社区']);
    } finally {
      vi.useRealTimers();
    }
  });
});
