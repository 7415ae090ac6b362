// What can never be undone is confirmed in a box that opens with the focus on 取消: one Enter too soon cancels.
import { afterEach, describe, expect, it } from 'vitest';
import { confirmIrreversible, promptIrreversible } from '../../../renderer/src/a11y/confirm-irreversible';

async function focusedButton(): Promise<HTMLElement> {
  for (let tries = 0; tries < 100; tries += 1) {
    const active = document.activeElement as HTMLElement | null;
    if (active?.tagName === 'BUTTON' && active.closest('.el-message-box')) return active;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`the focus is on ${document.activeElement?.outerHTML.slice(0, 80)}`);
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('confirmIrreversible', () => {
  it('opens with the focus on 取消, which cancels', async () => {
    const answer = confirmIrreversible('签发后评定不可修改。', '签发此评定？', { confirmButtonText: '签发', cancelButtonText: '取消' });
    const focused = await focusedButton();
    expect(focused.textContent?.trim()).toBe('取消');
    focused.click();
    expect(await answer).toBe(false);
  });

  it('resolves true only for the confirm button', async () => {
    const answer = confirmIrreversible('删除此草稿？', '删除草稿', { confirmButtonText: '删除草稿', cancelButtonText: '取消' });
    await focusedButton();
    const confirm = [...document.querySelectorAll<HTMLButtonElement>('.el-message-box__btns button')].find((button) => button.textContent?.trim() === '删除草稿');
    confirm?.click();
    expect(await answer).toBe(true);
  });

  it('a prompt for a reason opens on 取消 too, and gives the reason typed', async () => {
    const answer = promptIrreversible('撤销信任？', '撤销', { confirmButtonText: '撤销', cancelButtonText: '取消' });
    expect((await focusedButton()).textContent?.trim()).toBe('取消');
    const input = document.querySelector<HTMLInputElement>('.el-message-box__input input');
    if (input) {
      input.value = '笔记本丢失';
      input.dispatchEvent(new Event('input'));
    }
    [...document.querySelectorAll<HTMLButtonElement>('.el-message-box__btns button')].find((button) => button.textContent?.trim() === '撤销')?.click();
    expect(await answer).toBe('笔记本丢失');
  });
});
