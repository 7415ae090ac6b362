/**
 * An error of the assessment form in the user's language: each refusal as what it is (a file of
 * the wrong type, an answer out of range, an item still unanswered), never the core's English.
 */
import type { DxError } from '@shared/api/errors';

type Translate = (key: string, params?: Record<string, unknown>) => string;

export function describeError(error: unknown, t: Translate, itemName: (itemId: string) => string = (itemId) => itemId): string {
  const dxError = error as Partial<DxError> | null;
  if (typeof dxError?.code !== 'string') return t('assess.autosave.offline');
  const details = dxError.details ?? {};
  const item = typeof details.item === 'string' ? details.item : '';
  const name = typeof details.name === 'string' ? details.name : '';
  const items = [...new Set((details.issues ?? []).map((issue) => issue.path[issue.path.length - 1]).filter((part): part is string => typeof part === 'string' && part !== ''))];
  const listed = items.map(itemName).join('、');
  if (dxError.code === 'BAD_INPUT') {
    switch (details.reason) {
      case 'incomplete':
        return t('assess.incomplete', { items: listed });
      case 'invalidAnswers':
        return t('assess.invalidAnswers', { items: listed });
      case 'type':
        return t('assess.evidence.wrongType', { item, name });
      case 'size':
        return t('assess.evidence.tooBig', { item, name });
      case 'empty':
        return t('assess.evidence.empty', { item, name });
      case 'item':
        return t('assess.evidence.wrongItem', { item });
      default:
        break;
    }
  }
  const what = t(`errors.${dxError.code}`);
  return listed ? `${what}：${listed}` : what;
}
