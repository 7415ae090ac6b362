/** Dates and times as Chinese offices write them (2026-11-29 14:32), whatever the browser's locale. */
const two = (value: number) => String(value).padStart(2, '0');

export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())} ${two(date.getHours())}:${two(date.getMinutes())}`;
}

export function formatTime(iso: string): string {
  const date = new Date(iso);
  return `${two(date.getHours())}:${two(date.getMinutes())}`;
}
