import { BarChart, LineChart, PieChart, TreemapChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TitleComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Only what the console draws, so the chart chunk stays small; loaded with the pages that chart.
echarts.use([
  BarChart,
  LineChart,
  PieChart,
  TreemapChart,
  AriaComponent,
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapComponent,
  SVGRenderer,
]);

export type ChartOption = echarts.EChartsCoreOption;

/**
 * One ECharts chart, drawn as SVG (sharp in print, readable by screen readers through its aria
 * description), resized with its box; `onClick` receives the clicked item's data.
 */
export function EChart({
  option,
  height = 280,
  label,
  onClick,
  testId,
}: {
  option: ChartOption;
  height?: number;
  label: string;
  onClick?: (data: unknown) => void;
  testId?: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  useEffect(() => {
    if (!box.current) return;
    const c = echarts.init(box.current, undefined, { renderer: 'svg' });
    chart.current = c;
    const resize = new ResizeObserver(() => c.resize());
    resize.observe(box.current);
    return () => {
      resize.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption({ aria: { enabled: true, label: { description: label } }, animation: false, ...option }, true);
  }, [option, label]);
  useEffect(() => {
    const c = chart.current;
    if (!c || !onClick) return;
    const handler = (p: { data?: unknown }) => onClick(p.data);
    c.on('click', handler);
    return () => {
      c.off('click', handler);
    };
  }, [onClick]);
  return <div ref={box} role="img" aria-label={label} data-testid={testId} style={{ width: '100%', height }} />;
}
