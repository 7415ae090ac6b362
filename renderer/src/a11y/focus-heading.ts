/**
 * After a page change or a submit, the keyboard focus goes to the page's heading (its h1), so a screen reader says
 * where the person now is and Tab starts from the top of the new page instead of from a link that is gone.
 * Pages draw their h1 once their data has arrived, so this waits for it (a few seconds at most).
 */
import { afterPaint } from '../after-paint';

export interface FocusHeadingOptions {
  /** Where to look for the heading: the app's <main>. */
  root?: () => ParentNode | null;
  /** How long to wait for a page that is still loading. */
  timeoutMs?: number;
  /**
   * Move the focus even though the person has put it somewhere else meanwhile. Off after a page change (a person
   * who clicked into a field while the page loaded keeps their place); on after a submit on the same page.
   */
  force?: boolean;
  /**
   * Look for the heading only once the browser has drawn the page (a page change): where a heading is
   * cannot be read on a page still being built without laying all of it out in the middle of the
   * work (docs/architecture.md, "Speed in the browser").
   */
  whenDrawn?: boolean;
}

const defaultRoot = () => document.querySelector('main');

/** The page's h1: the one on screen when a hidden tab holds another. */
function pageHeading(root: ParentNode): HTMLElement | null {
  const headings = [...root.querySelectorAll<HTMLElement>('h1')];
  return headings.find((heading) => heading.getClientRects().length > 0) ?? headings[0] ?? null;
}

function focusOn(heading: HTMLElement): void {
  // A heading is not focusable by itself; -1 keeps it out of the Tab order.
  if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
  heading.focus();
}

/** Resolves true when the focus was moved to the heading. */
export function focusPageHeading(options: FocusHeadingOptions = {}): Promise<boolean> {
  const root = options.root ?? defaultRoot;
  const timeoutMs = options.timeoutMs ?? 3000;
  const focusedAtStart = document.activeElement;
  const untouched = () => options.force === true || document.activeElement === focusedAtStart || document.activeElement === document.body || document.activeElement === null;

  return new Promise((resolve) => {
    let done = false;
    let pending = false;
    // A page being drawn changes the DOM many times a frame: one look per painted frame.
    const observer = new MutationObserver(() => {
      if (pending) return;
      pending = true;
      afterPaint(() => {
        pending = false;
        if (!done) attempt();
      });
    });
    const timer = setTimeout(() => finish(false), timeoutMs);
    function finish(moved: boolean): void {
      if (done) return;
      done = true;
      observer.disconnect();
      clearTimeout(timer);
      resolve(moved);
    }
    function attempt(): boolean {
      const container = root();
      const heading = container ? pageHeading(container) : null;
      if (!heading) return false;
      const mayMove = untouched();
      if (mayMove) focusOn(heading);
      finish(mayMove && document.activeElement === heading);
      return true;
    }
    const start = () => {
      if (!done && !attempt()) observer.observe(document.body, { childList: true, subtree: true });
    };
    if (options.whenDrawn) afterPaint(start);
    else start();
  });
}
