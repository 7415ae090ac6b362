/** What the app says to people who do not see the screen or do not use a mouse: landmarks, chart summaries, live announcements. */
import { defineMessages } from './define';

export const a11yMessages = defineMessages({
  zhCN: {
    a11y: {
      navigation: '主导航',
      skipToContent: '跳到主要内容',
      pageSize: '每页条数',
      skipToPanel: '跳到评分与操作',
      jobProgress: '进度',
      chart: {
        viewAsTable: '以表格查看',
        viewAsChart: '以图表查看',
        listSeparator: '；',
        stars: { summary: '各星级单位数：{list}。', item: '{stars} {n} 家，占 {share}%', columns: { level: '星级', units: '单位数', share: '占比' } },
        composite: { summary: '{n} 个区县按综合得分排名，最高 {top}，最低 {bottom}。', item: '{district} {composite} 分（{grade}）', columns: { composite: '综合得分', grade: '评定' } },
        coverage: { summary: '各区县星级覆盖率：最高 {top}，最低 {bottom}；{below} 个区县低于 30% 参评线。', item: '{district} {coverage}', columns: { coverage: '覆盖率', units: '星级/参评单位' } },
        aspects: { summary: '{n} 个区县综治八个方面的得分，最低一项为 {low}，最高一项为 {high}。', item: '{district}「{aspect}」{score} 分', none: '暂无已评定的区县。' },
        starsByKind: { summary: '各类单位的星级分布：{list}。', item: '{kind} {total} 家，其中评星 {starred} 家', columns: { kind: '单位类型' } },
        coverageOverCycles: { summary: '历年星级覆盖率：{list}。', item: '{cycle} {coverage}', columns: { cycle: '年度', coverage: '覆盖率', units: '星级/参评单位', grade: '评定' } },
        changes: { summary: '各年度升星、降星与否决：{list}。', item: '{cycle} 升星 {promotions}、降星 {demotions}、否决 {vetoes}', columns: { cycle: '年度' } },
        empty: '暂无数据。',
      },
      evidence: { open: '查看证据：{name}', remove: '移除证据：{name}' },
      item: { surveyOption: '{question}：{option}人数' },
      score: { announce: '总分 {total}，{stars}', because: '（{reason}）' },
    },
  },
  en: {
    a11y: {
      navigation: 'Main navigation',
      skipToContent: 'Skip to main content',
      pageSize: 'Rows per page',
      skipToPanel: 'Skip to the score and actions',
      jobProgress: 'Progress',
      chart: {
        viewAsTable: 'View as table',
        viewAsChart: 'View as chart',
        listSeparator: '; ',
        stars: { summary: 'Units by stars: {list}.', item: '{stars}: {n} units, {share}%', columns: { level: 'Stars', units: 'Units', share: 'Share' } },
        composite: { summary: '{n} districts ranked by composite score, highest {top}, lowest {bottom}.', item: '{district} {composite} ({grade})', columns: { composite: 'Composite', grade: 'Grade' } },
        coverage: { summary: 'Star coverage by district: highest {top}, lowest {bottom}; {below} below the 30% line.', item: '{district} {coverage}', columns: { coverage: 'Coverage', units: 'Starred / in scope' } },
        aspects: { summary: 'Scores of the eight zongzhi aspects in {n} districts; the lowest is {low}, the highest {high}.', item: '{district} “{aspect}” {score}', none: 'No district evaluated yet.' },
        starsByKind: { summary: 'Stars by unit kind: {list}.', item: '{kind}: {total} units, {starred} with stars', columns: { kind: 'Unit kind' } },
        coverageOverCycles: { summary: 'Star coverage by cycle: {list}.', item: '{cycle} {coverage}', columns: { cycle: 'Cycle', coverage: 'Coverage', units: 'Starred / in scope', grade: 'Grade' } },
        changes: { summary: 'Promotions, demotions and vetoes by cycle: {list}.', item: '{cycle}: {promotions} promoted, {demotions} demoted, {vetoes} vetoed', columns: { cycle: 'Cycle' } },
        empty: 'No data yet.',
      },
      evidence: { open: 'Open evidence: {name}', remove: 'Remove evidence: {name}' },
      item: { surveyOption: '{question}: people answering {option}' },
      score: { announce: 'Total {total}, {stars}', because: ' ({reason})' },
    },
  },
});
