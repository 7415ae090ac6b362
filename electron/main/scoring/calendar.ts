/**
 * Calendar arithmetic on `YYYY-MM-DD` dates for the veto lockout. Months are calendar months;
 * a day that does not exist in the target month becomes that month's last day
 * (2024-02-29 + 12 months = 2025-02-28), so a lockout never ends later than a month's length.
 */
function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function addCalendarMonths(date: string, months: number): string {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  const targetDay = Math.min(day, daysInMonth(targetYear, targetMonth));
  return `${String(targetYear).padStart(4, '0')}-${String(targetMonth).padStart(2, '0')}-${String(targetDay).padStart(2, '0')}`;
}

/**
 * The first day a unit may hold stars again after a veto on `vetoOn`: exactly `months`
 * calendar months later. A veto on 2025-11-20 with 12 months locks until 2026-11-19 inclusive.
 */
export function lockoutEndsOn(vetoOn: string, months: number): string {
  return addCalendarMonths(vetoOn, months);
}

/** True when `assessedOn` falls before the lockout of a veto on `lastVetoOn` ends (ISO dates compare as strings). */
export function isLockedOut(lastVetoOn: string | null, assessedOn: string, months: number): boolean {
  return lastVetoOn !== null && assessedOn < lockoutEndsOn(lastVetoOn, months);
}
