/**
 * A form's submit that a person may press twice and the core may refuse: one call at a time,
 * the form's own check first, and a refusal shown as text in the user's language.
 */
import { ref, type Ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { authErrorText } from './auth-error';

export interface RefusableSubmit {
  error: Ref<string>;
  busy: Ref<boolean>;
  submit(): Promise<void>;
}

/** `check` returns what is wrong with the form (shown, nothing sent), or '' when it may be sent. */
export function useRefusableSubmit(check: () => string, send: () => Promise<unknown>, onRefused?: () => void): RefusableSubmit {
  const i18n = useI18n();
  const error = ref('');
  const busy = ref(false);

  async function submit(): Promise<void> {
    if (busy.value) return;
    error.value = check();
    if (error.value) return;
    busy.value = true;
    try {
      await send();
    } catch (refusal) {
      error.value = authErrorText(i18n, refusal);
      onRefused?.();
    } finally {
      busy.value = false;
    }
  }

  return { error, busy, submit };
}
