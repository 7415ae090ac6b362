/**
 * The unit registry in the renderer: districts, the current page of the list with its filters
 * (paged on the server, so 100,000 units stay smooth), one unit's detail, create and update.
 */
import { defineStore } from 'pinia';
import { computed, reactive, ref } from 'vue';
import type { DxError } from '@shared/api/errors';
import type { District, StarHistoryEntry, Unit, UnitFields, UnitListInput, UnitRecord } from '@shared/api/procedures/units';
import type { Industry, UnitKind } from '@shared/domain/unit-kinds';
import { unitKinds } from '@shared/domain/unit-kinds';
import { api } from '../api';
import { downloadBase64 } from '../components/download';

export interface UnitFilters {
  search: string;
  district: string | null;
  kind: UnitKind | null;
  industry: Industry | 'none' | null;
  stars: number | null;
}

export type UnitSort = NonNullable<UnitListInput['sort']>;

const emptyFilters = (): UnitFilters => ({ search: '', district: null, kind: null, industry: null, stars: null });

export const useUnitsStore = defineStore('units', () => {
  const districts = ref<District[]>([]);
  const filters = reactive<UnitFilters>(emptyFilters());
  const page = ref(1);
  const pageSize = ref(50);
  const sort = ref<UnitSort>('name');
  const order = ref<'asc' | 'desc'>('asc');
  const items = ref<Unit[]>([]);
  const total = ref(0);
  const loading = ref(false);
  /** A page has arrived since the screen opened: until then the count is unknown, not 0. */
  const loaded = ref(false);
  const error = ref<DxError | null>(null);
  const hasFilters = computed(() => filters.search.trim() !== '' || filters.district !== null || filters.kind !== null || filters.industry !== null || filters.stars !== null);

  async function loadDistricts(): Promise<void> {
    districts.value = await api.call('districts.list', {});
  }

  /**
   * One list request at a time. Asked again while one is under way (typing in the search box, a
   * second click), the newest filters are asked for once it has answered, and its answer, already
   * out of date, is not drawn: typing never queues a request per key on the server, and the last
   * key's rows come after at most the request under way and its own.
   */
  let underWay: Promise<void> | null = null;
  let next: Promise<void> | null = null;

  function fetchPage(): Promise<void> {
    loading.value = true;
    if (underWay) {
      next ??= underWay.then(() => {
        next = null;
        return fetchPage();
      });
      return next;
    }
    const request = requestPage().finally(() => {
      if (underWay === request) underWay = null;
    });
    underWay = request;
    return request;
  }

  async function requestPage(): Promise<void> {
    try {
      const result = await api.call('units.list', {
        ...(filters.search.trim() ? { search: filters.search.trim() } : {}),
        ...(filters.district ? { district: filters.district } : {}),
        ...(filters.kind ? { kind: filters.kind } : {}),
        ...(filters.industry ? { industry: filters.industry } : {}),
        ...(filters.stars !== null ? { stars: filters.stars } : {}),
        offset: (page.value - 1) * pageSize.value,
        limit: pageSize.value,
        sort: sort.value,
        order: order.value,
      });
      if (next) return;
      items.value = result.items;
      total.value = result.total;
      loaded.value = true;
      error.value = null;
    } catch (caught) {
      if (!next) error.value = caught as DxError;
    } finally {
      if (!next) loading.value = false;
    }
  }

  function applyFilters(): Promise<void> {
    page.value = 1;
    return fetchPage();
  }

  function resetFilters(): Promise<void> {
    Object.assign(filters, emptyFilters());
    return applyFilters();
  }

  function setSort(field: UnitSort | null, direction: 'asc' | 'desc' | null): Promise<void> {
    sort.value = field ?? 'name';
    order.value = direction ?? 'asc';
    return applyFilters();
  }

  /** Filters from a link (a dashboard's bar): `?district=…&kind=…&stars=…`; anything unknown is ignored. */
  function filtersFromQuery(query: Record<string, unknown>): boolean {
    const text = (key: string) => (typeof query[key] === 'string' ? (query[key] as string) : undefined);
    const district = text('district');
    const kind = text('kind');
    const stars = text('stars');
    if (district === undefined && kind === undefined && stars === undefined) return false;
    Object.assign(filters, emptyFilters());
    if (district) filters.district = district;
    if (kind && (unitKinds as readonly string[]).includes(kind)) filters.kind = kind as UnitKind;
    if (stars && /^[0-5]$/.test(stars)) filters.stars = Number(stars);
    page.value = 1;
    return true;
  }

  /** Every unit the filters match, as an Excel workbook the browser saves; returns its file name. */
  async function exportXlsx(): Promise<string> {
    const file = await api.call('exports.unitsXlsx', {
      ...(filters.search.trim() ? { search: filters.search.trim() } : {}),
      ...(filters.district ? { district: filters.district } : {}),
      ...(filters.kind ? { kind: filters.kind } : {}),
      ...(filters.industry ? { industry: filters.industry } : {}),
      ...(filters.stars !== null ? { stars: filters.stars } : {}),
    });
    downloadBase64(file.fileName, file.mime, file.contentBase64);
    return file.fileName;
  }

  const current = ref<{ unit: Unit; history: StarHistoryEntry[]; record: UnitRecord } | null>(null);
  const currentError = ref<DxError | null>(null);

  async function loadUnit(id: string): Promise<void> {
    currentError.value = null;
    try {
      current.value = await api.call('units.get', { id });
    } catch (caught) {
      current.value = null;
      currentError.value = caught as DxError;
    }
  }

  async function createUnit(fields: UnitFields): Promise<Unit> {
    const unit = await api.call('units.create', fields);
    void fetchPage();
    void loadDistricts();
    return unit;
  }

  async function updateUnit(id: string, fields: UnitFields): Promise<Unit> {
    const unit = await api.call('units.update', { id, fields });
    if (current.value?.unit.id === id) current.value = { ...current.value, unit };
    void fetchPage();
    return unit;
  }

  return {
    districts, filters, page, pageSize, sort, order, items, total, loading, loaded, error, hasFilters,
    loadDistricts, fetchPage, applyFilters, resetFilters, setSort, filtersFromQuery, exportXlsx,
    current, currentError, loadUnit, createUnit, updateUnit,
  };
});
