/**
 * Runs `work` in a task of its own once the browser has painted the next frame: what is already
 * on screen shows first, and layout read by then has been done by the browser, not forced.
 */
export function afterPaint(work: () => void): void {
  requestAnimationFrame(() => setTimeout(work, 0));
}
