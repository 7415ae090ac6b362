/** Numbers as people read them: thousands separated (12,345), up to two decimals, "—" for nothing. */
const formatter = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

export function formatNumber(value: number | null | undefined): string {
  return value === null || value === undefined || Number.isNaN(value) ? '—' : formatter.format(value);
}

type Translate = (key: string, params?: Record<string, unknown>) => string;

/** "3 星" / "3 stars", "1 星" / "1 star", or "无星" / "No stars". */
export function starsText(stars: number, t: Translate): string {
  if (stars === 0) return t('dashboard.noStar');
  return stars === 1 ? t('dashboard.oneStar') : t('dashboard.starLabel', { n: stars });
}
