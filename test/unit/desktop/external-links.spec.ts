// shell.openExternal runs whatever the OS associates with a URL: only allow-listed https origins may reach it.
import { beforeEach, describe, expect, it, vi } from 'vitest';

const openExternal = vi.fn(async () => undefined);
vi.mock('electron', () => ({ shell: { openExternal } }));

const { externalLinkAllowList, isAllowedExternalUrl, openExternalIfAllowed } = await import('../../../electron/main/desktop/external-links');

beforeEach(() => openExternal.mockClear());

describe('external links', () => {
  it('allows nothing by default', () => {
    expect(externalLinkAllowList).toEqual([]);
    expect(Object.isFrozen(externalLinkAllowList)).toBe(true);
    expect(openExternalIfAllowed('https://www.gov.cn/')).toBe(false);
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('opens an https URL whose exact origin is listed', () => {
    expect(openExternalIfAllowed('https://www.gov.cn/zhengce/', ['https://www.gov.cn'])).toBe(true);
    expect(openExternal).toHaveBeenCalledWith('https://www.gov.cn/zhengce/');
  });

  it('refuses look-alike hosts, other schemes, other ports, credentials and garbage', () => {
    const list = ['https://www.gov.cn'];
    for (const url of [
      'http://www.gov.cn/',
      'https://www.gov.cn.evil.example/',
      'https://evil.example/?https://www.gov.cn',
      'https://www.gov.cn@evil.example/',
      'https://user:pw@www.gov.cn/',
      'https://www.gov.cn:8443/',
      'file:///C:/Windows/System32/calc.exe',
      'smb://www.gov.cn/share',
      'javascript:alert(1)',
      'not a url',
      '',
    ]) {
      expect(isAllowedExternalUrl(url, list), url).toBe(false);
    }
    expect(openExternal).not.toHaveBeenCalled();
  });
});
