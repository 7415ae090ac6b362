/**
 * The rows of a DataTable, a component of their own: the table above them draws again whenever it
 * starts or stops loading, and so does the screen around it whenever its filters or its count
 * change, but the rows draw again only when they, the columns, or what a cell shows (the language,
 * a permission) changed. Before, every click on a filter drew all fifty rows twice (once to dim
 * them, once to undim), inside the very task that had to answer the click (docs/architecture.md,
 * "Speed in the browser"). A render function, as each cell is the table's slot `cell-<key>` called
 * with its row, or the row's value.
 *
 * A new page draws first the rows the table's box shows (`visibleRows`), then the others in the
 * next task, after the browser has painted: a filter's answer is on screen after a quarter of the
 * work, and every row is still in the page (Tab, find in page, a screen reader) a frame later.
 */
import { defineComponent, h, onBeforeUnmount, ref, watch } from 'vue';
import type { PropType, Slots, VNodeChild } from 'vue';
import { drawInTurn } from './charts/draw-in-turn';

export interface RowsColumn {
  key: string;
  align?: 'left' | 'right' | 'center';
  ellipsis?: boolean;
  stickyRight?: boolean;
}

type Row = Record<string, unknown>;

export default defineComponent({
  name: 'DataTableRows',
  props: {
    rows: { type: Array as PropType<readonly object[]>, required: true },
    columns: { type: Array as PropType<readonly RowsColumn[]>, required: true },
    rowKey: { type: String, required: true },
    /** The table's slots: the same object for the table's whole life, so it never makes the rows draw again. */
    cells: { type: Object as PropType<Slots>, required: true },
    /**
     * How many rows the table's box shows (read when the rows change, so that the box's size
     * changing never draws the rows again); none: draw them all at once.
     */
    visibleRows: { type: Function as PropType<() => number>, default: undefined },
  },
  emits: { 'row-click': (row: object) => typeof row === 'object', 'row-dblclick': (row: object) => typeof row === 'object' },
  setup(props, { emit }) {
    const drawn = ref(Number.POSITIVE_INFINITY);
    let cancel: (() => void) | undefined;
    watch(
      () => props.rows,
      (rows) => {
        cancel?.();
        const visible = props.visibleRows?.() ?? 0;
        if (visible <= 0 || rows.length <= visible) {
          drawn.value = Number.POSITIVE_INFINITY;
          return;
        }
        drawn.value = visible;
        cancel = drawInTurn(() => {
          drawn.value = Number.POSITIVE_INFINITY;
        });
      },
      { immediate: true },
    );
    onBeforeUnmount(() => cancel?.());
    // One listener for all rows: the row is the one the click landed in.
    const rowOf = (event: Event): object | undefined => {
      const row = (event.target as Element | null)?.closest('tr');
      return row ? props.rows[row.sectionRowIndex] : undefined;
    };
    const onClick = (event: Event) => {
      const row = rowOf(event);
      if (row) emit('row-click', row);
    };
    const onDblclick = (event: Event) => {
      const row = rowOf(event);
      if (row) emit('row-dblclick', row);
    };
    const cell = (row: Row, column: RowsColumn): VNodeChild => {
      const slot = props.cells[`cell-${column.key}`];
      if (slot) return slot({ row });
      const value = row[column.key];
      return value === null || value === undefined ? '—' : String(value);
    };
    return () =>
      h(
        'tbody',
        { onClick, onDblclick },
        (props.rows as Row[]).slice(0, drawn.value).map((row) =>
          h(
            'tr',
            { key: String(row[props.rowKey]) },
            props.columns.map((column) =>
              h(
                'td',
                {
                  key: column.key,
                  class: [column.align, { ellipsis: column.ellipsis, sticky: column.stickyRight }],
                  title: column.ellipsis ? String(row[column.key] ?? '') : undefined,
                },
                [cell(row, column)],
              ),
            ),
          ),
        ),
      );
  },
});
