/**
 * File names people can read and every file system accepts: the names of what is inside (a unit,
 * a district, a workstation), with the characters Windows, macOS or a USB stick refuse replaced.
 */
export function safeFileName(text: string): string {
  const cleaned = text
    .replace(/[\p{Cc}<>:"/\\|?*]+/gu, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+|\.+$/g, '');
  return cleaned.slice(0, 80) || '_';
}
