/**
 * Integer hundredths printed as `String(hundredths / 100)` prints them ("87.5", "0.05", "-3",
 * "0" for -0), without the float-to-string conversion, which costs ~0.3 µs per call in V8.
 * Exact for |hundredths| < 2^53 / 100 (the printed decimal is the double's shortest form).
 */
export function formatHundredths(hundredths: number): string {
  const negative = hundredths < 0;
  const magnitude = negative ? -hundredths : hundredths;
  const fraction = magnitude % 100;
  const whole = (magnitude - fraction) / 100;
  let text: string;
  if (fraction === 0) text = `${whole}`;
  else if (fraction % 10 === 0) text = `${whole}.${fraction / 10}`;
  else text = fraction < 10 ? `${whole}.0${fraction}` : `${whole}.${fraction}`;
  return negative ? `-${text}` : text;
}
