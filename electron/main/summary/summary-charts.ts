/** The summary's charts as ECharts options with Chinese labels (the printed report is in Chinese). */
import type { EChartsCoreOption } from 'echarts/core';
import type { DistrictDashboard } from '@shared/api/procedures/ding';
import type { DingRow } from '@shared/domain/ding-evaluation';
import { unitKindLabels, unitKinds } from '@shared/domain/unit-kinds';

const starColours = ['#B8BFC9', '#F3D27A', '#E6B84A', '#D4A017', '#B7791F', '#B3261E'];
const gradeColours: Record<string, string> = { none: '#B8BFC9', bronze: '#B0703C', silver: '#8C99A6', gold: '#D4A017' };
const gradeZh: Record<string, string> = { none: '无', bronze: '铜鼎', silver: '银鼎', gold: '金鼎' };
const noHalo = { textBorderWidth: 0 };
const line30 = { symbol: 'none', silent: true, lineStyle: { color: '#C0392B', type: 'dashed' }, label: { formatter: '30% 参评线', position: 'insideStartTop', distance: 4, color: '#C0392B', fontSize: 10, ...noHalo }, data: [{ yAxis: 30 }] };

export function starsByKindOption(dashboard: DistrictDashboard): EChartsCoreOption {
  return {
    grid: { left: 8, right: 8, top: 40, bottom: 4, containLabel: true },
    legend: { top: 0, itemWidth: 12, itemHeight: 10, textStyle: { fontSize: 11 } },
    xAxis: { type: 'category', data: unitKinds.map((kind) => unitKindLabels[kind].zh), axisLabel: { fontSize: 11, interval: 0 } },
    yAxis: { type: 'value', name: '单位数', minInterval: 1, axisLabel: { fontSize: 10 } },
    series: [0, 1, 2, 3, 4, 5].map((stars) => ({
      type: 'bar',
      stack: 'stars',
      name: stars === 0 ? '未评星' : `${stars} 星`,
      barMaxWidth: 46,
      itemStyle: { color: starColours[stars] },
      data: unitKinds.map((kind) => dashboard.starsByKind.find((entry) => entry.kind === kind && entry.stars === stars)?.units ?? 0),
    })),
  };
}

export function coverageOverCyclesOption(dashboard: DistrictDashboard): EChartsCoreOption {
  return {
    grid: { left: 8, right: 16, top: 24, bottom: 4, containLabel: true },
    xAxis: { type: 'category', data: dashboard.coverageByCycle.map((entry) => `${entry.cycle} 年度`), axisLabel: { fontSize: 11 } },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%', fontSize: 10 } },
    series: [
      {
        type: 'bar',
        barMaxWidth: 40,
        data: dashboard.coverageByCycle.map((entry) => ({ value: Math.round(entry.coverage * 10_000) / 100, itemStyle: { color: entry.coverage < 0.3 ? '#D9534F' : '#3A7BD5' } })),
        label: { show: true, position: 'top', formatter: '{c}%', fontSize: 10, ...noHalo },
        markLine: line30,
      },
    ],
  };
}

export function cityCompositeOption(rows: readonly DingRow[]): EChartsCoreOption {
  const ranked = rows.filter((row) => row.composite !== null).sort((a, b) => (a.composite ?? 0) - (b.composite ?? 0));
  return {
    grid: { left: 8, right: 110, top: 20, bottom: 4, containLabel: true },
    xAxis: { type: 'value', min: 60, max: 100, axisLabel: { fontSize: 10 } },
    yAxis: { type: 'category', data: ranked.map((row) => row.name), axisLabel: { fontSize: 10 }, axisTick: { show: false } },
    series: [
      {
        type: 'bar',
        barMaxWidth: 14,
        data: ranked.map((row) => ({ value: row.composite, itemStyle: { color: row.eligible ? gradeColours[row.grade] : '#D9534F' } })),
        label: {
          show: true,
          position: 'right',
          fontSize: 9,
          ...noHalo,
          formatter: (params: { dataIndex: number }) => {
            const row = ranked[params.dataIndex];
            return row ? `${row.composite} ${row.eligible ? (row.grade === 'none' ? '未达铜鼎' : gradeZh[row.grade]) : '不具备资格'}` : '';
          },
        },
        markLine: { symbol: 'none', silent: true, lineStyle: { color: '#8A6D3B', type: 'dashed' }, label: { fontSize: 9, ...noHalo }, data: [{ xAxis: 80 }, { xAxis: 88 }, { xAxis: 95 }] },
      },
    ],
  };
}

export function cityCoverageOption(rows: readonly DingRow[]): EChartsCoreOption {
  return {
    grid: { left: 8, right: 16, top: 20, bottom: 4, containLabel: true },
    xAxis: { type: 'category', data: rows.map((row) => row.name), axisLabel: { interval: 0, rotate: 45, fontSize: 9 } },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%', fontSize: 10 } },
    series: [{ type: 'bar', barMaxWidth: 20, data: rows.map((row) => ({ value: Math.round(row.coverage * 10_000) / 100, itemStyle: { color: row.coverage < 0.3 ? '#D9534F' : '#3A7BD5' } })), markLine: line30 }],
  };
}
