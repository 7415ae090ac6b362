/**
 * Element Plus defaults this app changes, once, before the app mounts.
 *
 * A select's dropdown (its teleported popper, scroll bar and every option) is made when the select
 * is made, and measured again whenever its options change: a screen with four filters and a pager
 * spent most of its opening on dropdowns nobody had opened (docs/architecture.md, "Speed in the
 * browser"). Made when first opened instead (`persistent: false`), a select costs one small
 * element until someone opens it; its chosen option's label still shows, from the options
 * rendered without a dropdown. A `:persistent="true"` on a select keeps the old way for it.
 */
import { ElSelect } from 'element-plus';

interface PropOption {
  type?: unknown;
  default?: unknown;
}

export function applyElementDefaults(): void {
  // Every select, also those made inside Element Plus (the pager's page sizes), reads its props
  // from this one definition when the first select is made.
  const props = ElSelect.props as unknown as Record<string, PropOption>;
  props.persistent = { ...props.persistent, type: Boolean, default: false };
}
