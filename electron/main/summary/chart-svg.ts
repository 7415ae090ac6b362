/**
 * ECharts rendered to SVG on the main side (server-side rendering, no DOM), for drawing into a
 * PDF as vectors. Animation is off and every chart is disposed (an undisposed one keeps the
 * process alive); label strokes are dropped because svg-to-pdfkit ignores paint-order and would
 * paint the halo over the glyphs.
 */
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { LegacyGridContainLabel } from 'echarts/features';
import type { EChartsCoreOption } from 'echarts/core';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, MarkLineComponent, SVGRenderer, LegacyGridContainLabel]);

export const pdfChartFont = 'Noto Sans SC';

/** ECharts gives labels a white halo (a stroke under paint-order) even at textBorderWidth 0; svg-to-pdfkit would paint it over the glyphs. */
export function withoutTextHalos(svg: string): string {
  return svg.replace(/<text\b[^>]*>/g, (tag) => tag.replace(/ (stroke|stroke-width|paint-order|stroke-miterlimit|stroke-linejoin)="[^"]*"/g, ''));
}

export function renderChartSvg(option: EChartsCoreOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: pdfChartFont, textBorderWidth: 0 }, ...option });
    return withoutTextHalos(chart.renderToSVGString());
  } finally {
    chart.dispose();
  }
}
