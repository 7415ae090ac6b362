/**
 * A confirmation for what can never be taken back (signing, deleting a draft, restoring a backup, revoking):
 * Element Plus's message box, opened with the keyboard focus on 取消, so that one Enter pressed too soon cancels
 * instead of signing. Resolves true only when the person chose the confirm button.
 */
import { ElMessageBox } from 'element-plus';
import type { ElMessageBoxOptions } from 'element-plus';
import type { VNode } from 'vue';

let opened = 0;

/** The box's own focus trap takes the focus when the box appears: put it on the cancel button once it has. */
function focusCancelWhenShown(marker: string): void {
  const started = performance.now();
  let placed = false;
  const tick = () => {
    const cancel = document.querySelector<HTMLButtonElement>(`button.${marker}`);
    const box = cancel?.closest('.el-message-box');
    if (cancel && box) {
      const active = document.activeElement;
      // Before the person has moved on: the focus is still outside, on the box itself, or was never placed.
      if (!placed || active === box || active === document.body || !box.contains(active)) {
        if (active !== cancel) cancel.focus();
        placed = true;
      }
    }
    // The trap acts within a frame or two of the box appearing, and the box fades in over ~0.3 s.
    if (performance.now() - started < (placed ? 600 : 3000)) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

/**
 * The box gives the focus back to what had it before once it has faded out; waiting for that lets the caller move the
 * focus afterwards (to the page's heading after signing) without the box taking it back a moment later.
 */
function closed(marker: string): Promise<void> {
  const started = performance.now();
  return new Promise((resolve) => {
    const tick = () => {
      if (!document.querySelector(`button.${marker}`) || performance.now() - started > 1500) resolve();
      else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

/** `message`: text, or paragraphs as a VNode (a newline in text is not a line break in the box). */
export async function confirmIrreversible(message: string | VNode, title: string, options: ElMessageBoxOptions = {}): Promise<boolean> {
  opened += 1;
  const marker = `dx-irreversible-cancel-${opened}`;
  const answer = ElMessageBox.confirm(message, title, {
    type: 'warning',
    ...options,
    autofocus: false,
    cancelButtonClass: [options.cancelButtonClass, marker].filter(Boolean).join(' '),
  });
  focusCancelWhenShown(marker);
  const confirmed = await answer.then(
    () => true,
    () => false,
  );
  await closed(marker);
  return confirmed;
}

/** The same for a prompt (a reason to give): the focus starts on 取消, the field is one Shift+Tab away. */
export async function promptIrreversible(message: string, title: string, options: ElMessageBoxOptions = {}): Promise<string | null> {
  opened += 1;
  const marker = `dx-irreversible-cancel-${opened}`;
  const answer = ElMessageBox.prompt(message, title, {
    type: 'warning',
    ...options,
    autofocus: false,
    cancelButtonClass: [options.cancelButtonClass, marker].filter(Boolean).join(' '),
  });
  focusCancelWhenShown(marker);
  const reason = await answer.then(
    ({ value }) => value ?? '',
    () => null,
  );
  await closed(marker);
  return reason;
}
