/**
 * ECharts for the renderer, registered once with only the parts the app draws (bar, line and
 * heat-map charts on the SVG renderer: crisp at any zoom, and each bar is an element a test can click).
 */
import { use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { LegacyGridContainLabel } from 'echarts/features';
import { BarChart, HeatmapChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import VChart from 'vue-echarts';

use([SVGRenderer, BarChart, LineChart, HeatmapChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, VisualMapComponent, LegacyGridContainLabel]);

export { VChart };

/** Colours of star levels 0–5 and of the Ding grades, shared by every chart. */
export const starColours = ['#b8bfc9', '#f3d27a', '#e6b84a', '#d4a017', '#b7791f', '#b3261e'] as const;
export const gradeColours = { none: '#b8bfc9', bronze: '#b0703c', silver: '#8c99a6', gold: '#d4a017' } as const;
// The page's own first choice (styles.css) first: without it a Linux machine drew the charts in a
// fallback font unlike the page's, and measured every label through the fallback (twice as slow).
export const chartFont = '"Noto Sans CJK SC", "Noto Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif';
