/**
 * The only way the app hands a URL to the operating system: `shell.openExternal` runs a URL
 * with whatever program the OS picks, so only origins named here may go out. The workstation
 * is offline and links nowhere, so the list is empty; add an https origin here to allow one.
 */
import { shell } from 'electron';
import { originOf } from './url-origin';

export const externalLinkAllowList: readonly string[] = Object.freeze([]);

/** True only for an https URL whose exact origin is on the list (no userinfo tricks, no other schemes). */
export function isAllowedExternalUrl(url: string, allowList: readonly string[] = externalLinkAllowList): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' || parsed.username !== '' || parsed.password !== '') return false;
  const origin = originOf(url);
  return origin !== null && allowList.includes(origin);
}

/** Opens the URL in the OS browser when the list allows it; says whether it did. */
export function openExternalIfAllowed(url: string, allowList: readonly string[] = externalLinkAllowList): boolean {
  if (!isAllowedExternalUrl(url, allowList)) return false;
  void shell.openExternal(url);
  return true;
}
