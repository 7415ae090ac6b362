/** The human-readable form of a score result: categories, deductions, stars, the deciding rule and the trace. */
import type { AssessmentDocument } from '@shared/assessment/document';
import type { ScoreResult } from '@shared/scoring/result';
import { formatTable } from '../text/table';

const decidedByWords: Record<ScoreResult['decidedBy'], string> = {
  threshold: '分数线 threshold',
  condition: '附加条件 condition',
  gate: '行业门槛 gate',
  stepUp: '逐级晋升 stepUp',
  veto: '一票否决 veto',
  lockout: '否决期内 lockout',
};

export function stars(count: number): string {
  return `${'★'.repeat(count)}${'☆'.repeat(5 - count)}`;
}

function signed(points: number): string {
  return points > 0 ? `+${points}` : String(points);
}

/** Item and category ids → their Chinese names in the pack, so a table reads as words, not only codes. */
export type PackNames = ReadonlyMap<string, string>;

function named(id: string, names: PackNames): string {
  const name = names.get(id);
  return name === undefined ? id : `${id} ${name}`;
}

export function formatScoreResult(result: ScoreResult, document?: AssessmentDocument, names: PackNames = new Map()): string {
  const lines: string[] = [];
  if (document) {
    const industry = document.unit.industry ? `, ${document.unit.industry}` : '';
    lines.push(`单位 Unit: ${document.unit.name} (${document.unit.kind}${industry}), 周期 cycle ${document.cycle}, 评定日期 ${document.assessedOn}`);
  }
  lines.push(`评分标准 Rubric: ${result.rubric} (sha256 ${result.rubricSha256.slice(0, 16)}…), engine ${result.engine}`);
  if (!result.complete) {
    lines.push(`草稿 DRAFT: incomplete${result.missing.length > 0 ? `; missing ${result.missing.join(', ')}` : ''}`);
    for (const reason of result.incompleteReasons) lines.push(`  ${reason.message}`);
  }
  lines.push('');
  const categoryRows = Object.entries(result.categories).map(([id, points]) => [named(id, names), String(points)]);
  categoryRows.push(['行业附加扣分 add-ons', result.addOnDeduction === 0 ? '0' : `-${result.addOnDeduction}`]);
  categoryRows.push(['总分 TOTAL', String(result.total)]);
  lines.push(formatTable(['类别 category', '得分 points'], categoryRows));
  lines.push('');
  lines.push(`一票否决 vetoed: ${result.vetoed ? '是 yes' : '否 no'}${result.lockedOut ? '  (否决期内 locked out)' : ''}`);
  lines.push(`分数星级 scoreStars: ${result.scoreStars} ${stars(result.scoreStars)}`);
  lines.push(`评定星级 awardedStars: ${result.awardedStars} ${stars(result.awardedStars)}`);
  lines.push(`决定规则 decidedBy: ${decidedByWords[result.decidedBy]}`);
  lines.push('');
  lines.push('计分明细 Trace:');
  lines.push(formatTable(['item', 'points', 'why'], result.trace.map((entry) => [entry.step === 'item' || entry.step === 'category' ? named(entry.item, names) : entry.item, entry.step === 'stars' ? entry.rule : signed(entry.points), `${entry.whyZh} / ${entry.whyEn}`])));
  return lines.join('\n');
}
