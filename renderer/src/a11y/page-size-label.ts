/**
 * Element Plus's pagination draws its page-size select without a name (axe: "Form elements must have labels");
 * this directive names it. Usage: <el-pagination v-page-size-label="t('a11y.pageSize')" … />.
 */
import type { Directive } from 'vue';

function name(element: HTMLElement, label: string): void {
  const input = element.querySelector<HTMLInputElement>('.el-pagination__sizes input');
  if (input && input.getAttribute('aria-label') !== label) input.setAttribute('aria-label', label);
}

export const vPageSizeLabel: Directive<HTMLElement, string> = {
  mounted: (element, binding) => name(element, binding.value),
  updated: (element, binding) => name(element, binding.value),
};
