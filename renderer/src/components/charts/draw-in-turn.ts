/**
 * A queue of drawing jobs run one per task, starting after the next frame is painted: a screen's
 * charts are drawn one after another, each in a task of its own, and the page paints first.
 * Returns a cancel function (a chart unmounted before its turn is skipped).
 */
const queue: (() => void)[] = [];
let running = false;

function runNext(): void {
  const next = queue.shift();
  try {
    next?.();
  } finally {
    if (queue.length > 0) setTimeout(runNext, 0);
    else running = false;
  }
}

export function drawInTurn(draw: () => void): () => void {
  queue.push(draw);
  if (!running) {
    running = true;
    requestAnimationFrame(() => setTimeout(runNext, 0));
  }
  return () => {
    const index = queue.indexOf(draw);
    if (index >= 0) queue.splice(index, 1);
  };
}
