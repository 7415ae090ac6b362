// The units import preview with tens of thousands of errors: a summary from the core (first 200 errors with the total),
// rows paged through the preview's token, every error as CSV from the core, and the import by token.
import { flushPromises, mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { describe, expect, it, vi } from 'vitest';
import type { ImportIssue, ImportPreviewRow, ImportRowsPage, ImportSummary } from '@shared/api/procedures/units';
import { createAppI18n } from '../../../renderer/src/i18n/index';
import { createPinia } from 'pinia';

const call = vi.fn();
vi.mock('../../../renderer/src/api/index', () => ({ transportKind: 'http', api: { call } }));
const uploaded = 'upload-of-the-chosen-file-1';
/** The file crosses in pieces (files.*) before the preview names its upload. */
function withUpload(answer: (name: string, input: Record<string, unknown>) => unknown) {
  return async (name: string, input: Record<string, unknown>) => {
    if (name === 'files.startUpload') return { uploadId: uploaded, chunkBytes: 4 * 1024 * 1024 };
    if (name === 'files.uploadChunk') return { received: 5, complete: true };
    return answer(name, input);
  };
}
const { default: UnitImportDialog } = await import('../../../renderer/src/views/units/UnitImportDialog.vue');

function previewRow(line: number, ok: boolean): ImportPreviewRow {
  return { line, name: `单位${line}`, kind: 'enterprise', industry: null, district: '江岸区', districtCode: '420102', street: '', address: '', uscc: '', households: '', contact: '', phone: '', ok };
}
const issueOn = (line: number): ImportIssue => ({ line, column: '区', message: `未知的区（第${line}行）`, messageEn: 'unknown district' });

function rowsPage(offset: number, limit: number, total: number, errorsBelow: number): ImportRowsPage {
  const items = Array.from({ length: Math.min(limit, total - offset) }, (_, index) => previewRow(offset + index + 2, offset + index >= errorsBelow));
  return { total, offset, items, errors: items.filter((row) => !row.ok).map((row) => issueOn(row.line)) };
}

function bigSummary(rows: number, errors: number): ImportSummary {
  return {
    token: 'token-of-the-preview-0001', expiresAt: '2026-12-01T10:00:00.000Z', fileName: 'units.csv', format: 'csv', encoding: 'utf-8', mode: 'add',
    totalRows: rows, okRows: rows - errors, errorCount: errors, warningCount: 0,
    errors: Array.from({ length: Math.min(200, errors) }, (_, index) => issueOn(index + 2)), warnings: [],
    firstRows: rowsPage(0, 100, Math.min(rows, 20_000), errors), rowsTruncated: rows > 20_000,
  };
}

async function chooseFile(): Promise<void> {
  const input = document.querySelector<HTMLInputElement>('[data-testid="import-file"]') as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: [new File(['名称\n'], 'units.csv', { type: 'text/csv' })] });
  input.dispatchEvent(new Event('change'));
}

const mountDialog = () => mount(UnitImportDialog, { props: { modelValue: true }, attachTo: document.body, global: { plugins: [createAppI18n('zh-CN'), ElementPlus, createPinia()] } });

describe('UnitImportDialog', () => {
  it('shows a 100,000-row preview with 50,000 errors from its summary: the first 200 listed with the total', async () => {
    call.mockReset();
    call.mockImplementation(withUpload(() => bigSummary(100_000, 50_000)));
    const wrapper = mountDialog();
    await flushPromises();
    await chooseFile();
    await vi.waitFor(() => expect(document.querySelector('[data-testid="import-errors"]')).not.toBeNull(), { timeout: 20_000 });
    await flushPromises();
    expect(document.querySelectorAll('[data-testid="import-errors"] li')).toHaveLength(200);
    expect(document.querySelector('[data-testid="import-errors-more"]')?.textContent).toBe('仅列出前 200 条，共 50,000 条');
    expect(document.querySelector('[data-testid="import-errors-csv"]')?.textContent).toContain('50,000');
    expect(document.querySelector('[data-testid="import-summary"]')?.textContent).toContain('50,000 行可导入');
    expect(document.querySelector('[data-testid="import-confirm"]')?.hasAttribute('disabled') || document.querySelector('[data-testid="import-confirm"]')?.classList.contains('is-disabled')).toBe(true);
    wrapper.unmount();
  });

  it('pages through the held rows and the rows with errors by the token', async () => {
    call.mockReset();
    call.mockImplementation(withUpload((name, input: { offset?: number; only?: string }) => {
      if (name === 'units.importPreview') return bigSummary(1000, 300);
      if (name === 'units.importPreviewRows') return input.only === 'errors' ? rowsPage(input.offset ?? 0, 100, 300, 300) : rowsPage(input.offset ?? 0, 100, 1000, 300);
      throw new Error(`unexpected ${name}`);
    }));
    const wrapper = mountDialog();
    await flushPromises();
    await chooseFile();
    await vi.waitFor(() => expect(document.querySelector('[data-testid="import-pager"]')).not.toBeNull());
    document.querySelector<HTMLElement>('[data-testid="import-pager"] .btn-next')?.click();
    await vi.waitFor(() => expect(call.mock.calls.at(-1)).toEqual(['units.importPreviewRows', { token: 'token-of-the-preview-0001', only: 'all', offset: 100, limit: 100 }]));
    document.querySelector<HTMLElement>('[data-testid="import-only-errors"] input')?.click();
    await vi.waitFor(() => expect(call.mock.calls.at(-1)).toEqual(['units.importPreviewRows', { token: 'token-of-the-preview-0001', only: 'errors', offset: 0, limit: 100 }]));
    await flushPromises();
    expect(document.querySelector('[data-testid="import-pager-total"]')?.textContent).toBe('共 300 行');
    wrapper.unmount();
  });

  it('downloads every error as the CSV the core writes', async () => {
    call.mockReset();
    call.mockImplementation(withUpload((name) => (name === 'units.importPreview' ? bigSummary(500, 400) : { fileName: 'units-错误-errors.csv', csv: '\uFEFF行号 line,列 column,问题,problem\r\n' })));
    const created = vi.fn(() => 'blob:x');
    Object.assign(URL, { createObjectURL: created, revokeObjectURL: vi.fn() });
    const wrapper = mountDialog();
    await flushPromises();
    await chooseFile();
    await vi.waitFor(() => expect(document.querySelector('[data-testid="import-errors-csv"]')).not.toBeNull());
    document.querySelector<HTMLElement>('[data-testid="import-errors-csv"]')?.click();
    await vi.waitFor(() => expect(created).toHaveBeenCalled());
    expect(call.mock.calls.at(-1)).toEqual(['units.importErrorsCsv', { token: 'token-of-the-preview-0001' }]);
    wrapper.unmount();
  });

  it('checks the file again in update mode, shows 新增 / 更新 / 不变, and imports by the token', async () => {
    const summary = bigSummary(3, 0);
    call.mockReset();
    call.mockImplementation(withUpload((name, input: { mode?: string }) => {
      if (name === 'units.import') return { fileName: 'units.csv', format: 'csv', encoding: 'utf-8', totalRows: 3, imported: 2, streetsCreated: 0, errors: [], warnings: [], rows: [], rowsTruncated: false };
      return input.mode === 'update'
        ? { ...summary, token: 'token-of-the-update-00002', mode: 'update', counts: { new: 1, update: 1, same: 1 }, firstRows: { ...summary.firstRows, items: summary.firstRows.items.map((row, index) => ({ ...row, action: (['new', 'update', 'same'] as const)[index] })) } }
        : summary;
    }));
    const wrapper = mountDialog();
    await flushPromises();
    await chooseFile();
    await vi.waitFor(() => expect(document.querySelector('[data-testid="import-summary"]')).not.toBeNull());
    document.querySelector<HTMLElement>('[data-testid="import-update"] input')?.click();
    await vi.waitFor(() => expect(document.querySelector('[data-testid="import-count-update"]')?.textContent).toContain('更新 1'));
    expect(call.mock.calls.at(-1)).toEqual(['units.importPreview', { uploadId: uploaded, mode: 'update' }, expect.anything()]);
    expect(call.mock.calls.filter(([name]) => name === 'files.startUpload')).toHaveLength(2);
    expect(document.querySelector('[data-testid="import-count-same"]')?.textContent).toContain('不变 1');
    document.querySelector<HTMLElement>('[data-testid="import-confirm"]')?.click();
    await vi.waitFor(() => expect(call.mock.calls.at(-1)?.[0]).toBe('units.import'));
    expect(call.mock.calls.at(-1)?.[1]).toEqual({ token: 'token-of-the-update-00002' });
    wrapper.unmount();
  });
});
