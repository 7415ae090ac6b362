// The 单位 list asks the server one request at a time: typing fast, or clicking twice, asks for the
// newest filters once the request under way has answered, never once per key, and never draws an
// answer that is already out of date.
import { flushPromises } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const call = vi.fn();
vi.mock('../../../renderer/src/api/index', () => ({ transportKind: 'http', api: { call } }));
const { useUnitsStore } = await import('../../../renderer/src/stores/units');

/** A units.list that answers when the test says so, with one row named after the words searched. */
function pendingAnswers() {
  const asked: { input: Record<string, unknown>; answer(): void }[] = [];
  call.mockImplementation(
    (_name: string, input: Record<string, unknown>) =>
      new Promise((resolve) => {
        const search = String(input.search ?? '');
        asked.push({ input, answer: () => resolve({ items: [{ id: `u-${search}`, name: search }], total: search.length }) });
      }),
  );
  return asked;
}

beforeEach(() => {
  setActivePinia(createPinia());
  call.mockReset();
});

describe('units store', () => {
  it('asks once for the keys typed while a request was under way, with the newest words, and shows only that answer', async () => {
    const asked = pendingAnswers();
    const store = useUnitsStore();
    store.filters.search = '光';
    const first = store.applyFilters();
    for (const words of ['光谷', '光谷广', '光谷广场']) {
      store.filters.search = words;
      void store.applyFilters();
    }
    await flushPromises();
    expect(asked.map((request) => request.input.search)).toEqual(['光']);
    asked[0]?.answer();
    await first;
    await flushPromises();
    // The answer for 光 is out of date: not drawn, still loading.
    expect(store.items).toEqual([]);
    expect(store.loading).toBe(true);
    expect(asked.map((request) => request.input.search)).toEqual(['光', '光谷广场']);
    asked[1]?.answer();
    await flushPromises();
    expect(store.items.map((unit) => unit.name)).toEqual(['光谷广场']);
    expect(store.total).toBe(4);
    expect(store.loading).toBe(false);
  });

  it('asks at once when nothing is under way', async () => {
    const asked = pendingAnswers();
    const store = useUnitsStore();
    store.filters.district = '420111';
    const done = store.applyFilters();
    await flushPromises();
    expect(asked).toHaveLength(1);
    expect(asked[0]?.input).toMatchObject({ district: '420111', offset: 0, limit: 50 });
    asked[0]?.answer();
    await done;
    expect(store.loaded).toBe(true);
    expect(store.loading).toBe(false);
    store.filters.district = '420102';
    void store.applyFilters();
    await flushPromises();
    expect(asked).toHaveLength(2);
  });

  it('shows an error of the newest request, and a later answer clears it', async () => {
    call.mockRejectedValueOnce({ code: 'INTERNAL', message: 'disk full' });
    const store = useUnitsStore();
    await store.fetchPage();
    expect(store.error).toMatchObject({ code: 'INTERNAL' });
    expect(store.loading).toBe(false);
    call.mockResolvedValueOnce({ items: [], total: 0 });
    await store.fetchPage();
    expect(store.error).toBeNull();
  });
});
