/**
 * The origin of a URL as Chromium sees it. Node's URL reports "null" as the origin of a custom
 * scheme such as app://dingxing, which Chromium treats as a standard scheme with a real origin.
 */
export function originOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.origin !== 'null') return parsed.origin;
  return parsed.host === '' ? null : `${parsed.protocol}//${parsed.host}`;
}
