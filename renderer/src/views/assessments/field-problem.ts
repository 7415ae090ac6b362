/**
 * What is wrong with a number typed into an item's field, from the limits the pack gives the
 * field (FormItem.input): the reason shown beside the item, as a message key and its values,
 * so it reads in the user's language. Mirrors the engine's own check; the core still decides.
 */
import type { FormItem } from '@shared/api/procedures/assessments';

export type FieldProblem =
  | { key: 'assess.field.belowMin'; params: { value: number; min: number } }
  | { key: 'assess.field.aboveMax'; params: { value: number; max: number } }
  | { key: 'assess.field.offStep'; params: { value: number; step: number } }
  | { key: 'assess.field.decimals'; params: { value: number; decimals: number } };

/** True when value is a whole multiple of step, to the hundredth the engine counts in. */
function onStep(value: number, step: number): boolean {
  const ratio = Math.round(value * 100) / Math.round(step * 100);
  return Math.abs(ratio - Math.round(ratio)) < 1e-9 && Math.abs(value * 100 - Math.round(value * 100)) < 1e-6;
}

export function fieldProblem(input: FormItem['input'], value: number): FieldProblem | null {
  if (input === null) return null;
  if (value < input.min) return { key: 'assess.field.belowMin', params: { value, min: input.min } };
  if (value > input.max) return { key: 'assess.field.aboveMax', params: { value, max: input.max } };
  const scaled = value * 10 ** input.decimals;
  if (Math.abs(scaled - Math.round(scaled)) > 1e-6) return { key: 'assess.field.decimals', params: { value, decimals: input.decimals } };
  if (input.step !== 1 || input.decimals === 0) {
    if (!onStep(value, input.step)) return { key: 'assess.field.offStep', params: { value, step: input.step } };
  }
  return null;
}
