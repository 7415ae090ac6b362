import { onBeforeUnmount, onMounted, ref } from 'vue';
import type { Ref } from 'vue';
import { afterPaint } from '../../after-paint';

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
    afterPaint(runNext);
  }
  return () => {
    const index = queue.indexOf(draw);
    if (index >= 0) queue.splice(index, 1);
  };
}

/** For a component drawn in turn: false until its turn comes (after it mounted), then true; skipped if it unmounts first. */
export function useTurn(): Ref<boolean> {
  const ready = ref(false);
  let cancel: (() => void) | undefined;
  onMounted(() => {
    cancel = drawInTurn(() => {
      ready.value = true;
    });
  });
  onBeforeUnmount(() => cancel?.());
  return ready;
}
