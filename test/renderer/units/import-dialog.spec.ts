// The units import preview with tens of thousands of errors: errors indexed by row, the first 200 listed with the total, all of them as CSV.
import { flushPromises, mount } from '@vue/test-utils';
import ElementPlus from 'element-plus';
import { describe, expect, it, vi } from 'vitest';
import type { ImportIssue, ImportPreviewRow, ImportReport } from '@shared/api/procedures/units';
import { createAppI18n } from '../../../renderer/src/i18n/index';
import { issuesToCsv } from '../../../renderer/src/views/units/issues-csv';

const call = vi.fn();
vi.mock('../../../renderer/src/api/index', () => ({ transportKind: 'http', api: { call } }));
const { default: UnitImportDialog } = await import('../../../renderer/src/views/units/UnitImportDialog.vue');

function bigReport(rows: number, errors: number): ImportReport {
  const previewRows: ImportPreviewRow[] = [];
  for (let line = 2; line < rows + 2; line += 1) {
    previewRows.push({ line, name: `单位${line}`, kind: 'enterprise', industry: null, district: '江岸区', districtCode: '420102', street: '', address: '', uscc: '', households: '', contact: '', phone: '', ok: line - 2 >= errors });
  }
  const issues: ImportIssue[] = [];
  for (let index = 0; index < errors; index += 1) issues.push({ line: index + 2, column: '区', message: '未知的区', messageEn: 'unknown district' });
  return { fileName: 'units.csv', format: 'csv', encoding: 'utf-8', totalRows: rows, imported: 0, streetsCreated: 0, errors: issues, warnings: [], rows: previewRows, rowsTruncated: false };
}

describe('UnitImportDialog', () => {
  it('previews 20,000 rows with 16,000 errors: lists the first 200, says the total and offers all of them as CSV', async () => {
    call.mockResolvedValue(bigReport(20_000, 16_000));
    const wrapper = mount(UnitImportDialog, { props: { modelValue: true }, attachTo: document.body, global: { plugins: [createAppI18n('zh-CN'), ElementPlus] } });
    await flushPromises();
    const input = document.querySelector<HTMLInputElement>('[data-testid="import-file"]') as HTMLInputElement;
    Object.defineProperty(input, 'files', { value: [new File(['名称\n'], 'units.csv', { type: 'text/csv' })] });
    input.dispatchEvent(new Event('change'));
    await vi.waitFor(() => expect(document.querySelector('[data-testid="import-errors"]')).not.toBeNull(), { timeout: 20_000 });
    await flushPromises();
    expect(document.querySelectorAll('[data-testid="import-errors"] li')).toHaveLength(200);
    expect(document.querySelector('[data-testid="import-errors-more"]')?.textContent).toBe('仅列出前 200 条，共 16,000 条');
    expect(document.querySelector('[data-testid="import-errors-csv"]')?.textContent).toContain('16,000');
    expect(document.querySelector('[data-testid="import-summary"]')?.textContent).toContain('4,000');
    wrapper.unmount();
  });

  it('checks the file again in update mode and shows 新增 / 更新 / 不变 for each row', async () => {
    const report = bigReport(3, 0);
    call.mockReset();
    call.mockImplementation(async (_name: string, input: { mode?: string }) =>
      input.mode === 'update'
        ? { ...report, counts: { new: 1, update: 1, same: 1 }, rows: report.rows.map((row, index) => ({ ...row, action: (['new', 'update', 'same'] as const)[index] })) }
        : report,
    );
    const wrapper = mount(UnitImportDialog, { props: { modelValue: true }, attachTo: document.body, global: { plugins: [createAppI18n('zh-CN'), ElementPlus] } });
    await flushPromises();
    const input = document.querySelector<HTMLInputElement>('[data-testid="import-file"]') as HTMLInputElement;
    Object.defineProperty(input, 'files', { value: [new File(['名称\n'], 'units.csv', { type: 'text/csv' })] });
    input.dispatchEvent(new Event('change'));
    await vi.waitFor(() => expect(document.querySelector('[data-testid="import-summary"]')).not.toBeNull());
    document.querySelector<HTMLElement>('[data-testid="import-update"] input')?.click();
    await vi.waitFor(() => expect(document.querySelector('[data-testid="import-count-update"]')?.textContent).toContain('更新 1'));
    expect(call.mock.calls.at(-1)?.[1]).toMatchObject({ mode: 'update' });
    expect(document.querySelector('[data-testid="import-count-same"]')?.textContent).toContain('不变 1');
    wrapper.unmount();
  });

  it('writes every error to a CSV Excel opens, formulas kept as text', () => {
    const csv = issuesToCsv([{ line: 3, column: '名称', message: '=SUM(A1)，缺少名称', messageEn: 'x' }, { line: 4, message: '含有"引号"', messageEn: 'y' }], ['行号', '列', '问题'], false);
    expect(csv).toBe('\uFEFF行号,列,问题\r\n3,名称,\'=SUM(A1)，缺少名称\r\n4,,"含有""引号"""\r\n');
  });
});
