import { Tag } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { usePageMessages } from '../page-messages';
import { mapWords } from '../pages/map/map-words';
import { boundaries } from './DistrictMap';
import { type ChartOption, EChart } from './EChart';

/** A demand's page: its point on the district's own boundaries, zoomed to its neighbourhood. */
export function DemandPoint({ latitude, longitude }: { latitude: number; longitude: number }) {
  const m = usePageMessages(mapWords);
  const [ready, setReady] = useState<{ schematic: boolean; any: boolean } | null>(null);
  useEffect(() => {
    void boundaries().then(
      (b) => setReady({ schematic: b.schematic, any: b.features.length > 0 }),
      () => setReady(null),
    );
  }, []);
  const option = useMemo<ChartOption>(
    () => ({
      geo: {
        map: 'tingjian-district',
        nameProperty: 'key',
        roam: true,
        center: [longitude, latitude],
        zoom: 4,
        itemStyle: { borderColor: '#8c8c8c', areaColor: '#fafafa' },
      },
      series: [
        { type: 'scatter', coordinateSystem: 'geo', data: [[longitude, latitude]], symbolSize: 14, itemStyle: { color: '#cf1322' } },
      ],
    }),
    [latitude, longitude],
  );
  if (!ready?.any) return null;
  return (
    <div>
      {ready.schematic && <Tag className="tag-schematic">{m('schematic')}</Tag>}
      <EChart option={option} height={240} label={m('demandPoint')} testId="demand-point" />
    </div>
  );
}
