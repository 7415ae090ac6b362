/**
 * Locks the session after the configured time without keyboard, mouse or touch input. Input,
 * not API traffic, is what counts: an autosave must not keep an abandoned laptop open.
 */
import { onBeforeUnmount, onMounted, watch } from 'vue';
import type { Ref } from 'vue';

const inputEvents = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;

export function useIdleLock(seconds: Ref<number>, active: Ref<boolean>, lock: () => void): void {
  let timer: ReturnType<typeof setTimeout> | undefined;

  function restart(): void {
    clearTimeout(timer);
    if (active.value) timer = setTimeout(lock, seconds.value * 1000);
  }

  onMounted(() => {
    for (const name of inputEvents) window.addEventListener(name, restart, { passive: true, capture: true });
    restart();
  });
  onBeforeUnmount(() => {
    clearTimeout(timer);
    for (const name of inputEvents) window.removeEventListener(name, restart, { capture: true });
  });
  watch([seconds, active], restart);
}
