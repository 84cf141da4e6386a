import { Alert, Segmented, Select, Space, Tag, Tooltip } from 'antd';
import { HeatmapChart, MapChart, ScatterChart } from 'echarts/charts';
import { GeoComponent, VisualMapComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { type ReactNode, useEffect, useMemo, useState } from 'react';
import { type Answer, client, type Schemas } from '../../shared/client';
import { usePageMessages } from '../page-messages';
import { mapWords } from '../pages/map/map-words';
import { useNarrow } from '../use-narrow';
import { type ChartOption, EChart } from './EChart';
import { townshipLabels } from './place-labels';

echarts.use([MapChart, ScatterChart, HeatmapChart, GeoComponent, VisualMapComponent]);

type Boundaries = Answer<'/gazetteer/boundaries', 'get'>;
type Points = Answer<'/gazetteer/points', 'get'>['items'];
type Category = Schemas['Category'];

/** The district's boundaries, fetched once per page load: registered with ECharts under their own name. */
let loaded: Promise<Boundaries> | null = null;
export const boundaries = () => {
  loaded ??= client.GET('/gazetteer/boundaries').then((b) => {
    // Communities (and grids) are what is shaded and clicked; keyed by id, as two villages may share a name.
    const features = b.features.filter((f) => f.properties.level === 'community');
    echarts.registerMap('tingjian-district', {
      type: 'FeatureCollection',
      features: features.map((f) => ({ ...f, properties: { ...f.properties, key: String(f.properties.regionId) } })),
    } as never);
    return b;
  });
  return loaded;
};

/**
 * The district drawn from its own imported boundaries (no tiles, nothing fetched from outside):
 * communities shaded by the last 30 days' demands, demands as points or a density layer by category
 * and time window; a click on a community opens the demand list filtered to it.
 */
export function DistrictMap({
  counts,
  height = 420,
  fallback,
}: {
  counts: { regionId: number; count: number }[];
  height?: number;
  /** What to show while the district has no boundaries (一屏 keeps its schematic blocks). */
  fallback?: ReactNode;
}) {
  const m = usePageMessages(mapWords);
  const narrow = useNarrow();
  const [map, setMap] = useState<Boundaries | null>(null);
  const [points, setPoints] = useState<Points>([]);
  const [layer, setLayer] = useState<'points' | 'density'>('points');
  const [days, setDays] = useState(30);
  const [categoryId, setCategoryId] = useState<number | undefined>();
  const [categories, setCategories] = useState<Category[]>([]);
  useEffect(() => {
    void boundaries().then(setMap, () => setMap(null));
    void client.GET('/categories').then((r) => setCategories(r.items.filter((c) => c.parentId === null)));
  }, []);
  useEffect(() => {
    void client.GET('/gazetteer/points', { query: { days, categoryId } }).then((r) => setPoints(r.items));
  }, [days, categoryId]);
  const option = useMemo<ChartOption | null>(() => {
    if (!map) return null;
    const byId = new Map(counts.map((c) => [c.regionId, c.count]));
    const communities = map.features.filter((f) => f.properties.level === 'community');
    const data = communities.map((f) => ({
      name: String(f.properties.regionId),
      value: byId.get(f.properties.regionId) ?? 0,
      regionId: f.properties.regionId,
      label: f.properties.name,
    }));
    const max = Math.max(1, ...data.map((d) => d.value));
    const xy = points.map((p) => [p.long, p.lat, 1]);
    return {
      tooltip: {
        trigger: 'item',
        formatter: (p: { data?: { label?: string; value?: number } }) =>
          p.data?.label ? m('tooltip', { name: p.data.label, n: p.data.value ?? 0 }) : '',
      },
      geo: { map: 'tingjian-district', nameProperty: 'key', roam: true, itemStyle: { borderColor: '#8c8c8c' }, label: { show: false } },
      visualMap: [
        { show: false, seriesIndex: 0, min: 0, max, inRange: { color: ['#f5f5f5', '#ffccc7', '#cf1322'] } },
        ...(layer === 'density'
          ? [{ show: false, seriesIndex: 1, min: 0, max: 5, inRange: { color: ['#1677ff', '#faad14', '#a8071a'] } }]
          : []),
      ],
      series: [
        { type: 'map', geoIndex: 0, nameProperty: 'key', data },
        layer === 'points'
          ? {
              type: 'scatter',
              coordinateSystem: 'geo',
              data: xy,
              symbolSize: 5,
              itemStyle: { color: '#0b3d91', opacity: 0.7 },
              silent: true,
            }
          : { type: 'heatmap', coordinateSystem: 'geo', data: xy, pointSize: 12, blurSize: 16, silent: true },
        townshipLabels(map.features, narrow),
      ],
    };
  }, [map, counts, points, layer, m, narrow]);

  if (map && map.features.length === 0) return fallback ?? <Alert type="info" title={m('noBoundaries')} />;
  return (
    <div>
      <Space wrap style={{ marginBottom: 8 }}>
        <Segmented
          aria-label={m('layer')}
          value={layer}
          onChange={(v) => setLayer(v as 'points' | 'density')}
          options={[
            { value: 'points', label: m('points') },
            { value: 'density', label: m('density') },
          ]}
        />
        <Segmented
          aria-label={m('window')}
          value={days}
          onChange={(v) => setDays(Number(v))}
          options={[
            { value: 7, label: m('days7') },
            { value: 30, label: m('days30') },
            { value: 90, label: m('days90') },
          ]}
        />
        <Select
          aria-label={m('category')}
          allowClear
          placeholder={m('allCategories')}
          style={{ minWidth: 140 }}
          value={categoryId}
          onChange={(v) => setCategoryId(v)}
          options={categories.map((c) => ({ value: c.id, label: c.name }))}
        />
        {map?.schematic && (
          <Tooltip title={m('schematicHelp')}>
            <Tag className="tag-schematic" data-testid="map-schematic">
              {m('schematic')}
            </Tag>
          </Tooltip>
        )}
      </Space>
      {option && (
        <EChart
          option={option}
          height={height}
          label={m('title', { days: 30 })}
          testId="district-map"
          onClick={(x) => {
            const id = (x as { regionId?: number } | undefined)?.regionId;
            if (id) window.location.hash = `#/list/region-${id}`;
          }}
        />
      )}
    </div>
  );
}
