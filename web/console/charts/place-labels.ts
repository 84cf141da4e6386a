type Geometry = { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown[] };
type Feature = { properties: { name: string; level: string }; geometry: Geometry };

/** The middle of a place's largest ring (the mean of its corners): where its name is written. */
function middleOf(geometry: Geometry): [number, number] | null {
  const polygons = (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates) as number[][][][];
  const rings = polygons.map((p) => p[0] ?? []).sort((a, b) => b.length - a.length);
  const ring = rings[0];
  if (!ring?.length) return null;
  const [x, y] = ring.reduce(([sx, sy], [px, py]) => [sx + px, sy + py], [0, 0]);
  return [x / ring.length, y / ring.length];
}

/**
 * The townships' names over the map, so that a leader finds a place by its name rather than its shape: a series of
 * labels without symbols, which clicks pass through. On a phone without 街道 / 镇 / 乡, which would run into each other.
 */
export function townshipLabels(features: Feature[], narrow: boolean) {
  const data = features
    .filter((f) => f.properties.level === 'township')
    .flatMap((f) => {
      const at = middleOf(f.geometry);
      const name = narrow ? f.properties.name.replace(/(街道|镇|乡)$/, '') : f.properties.name;
      return at ? [{ name, value: at }] : [];
    });
  return {
    type: 'scatter' as const,
    coordinateSystem: 'geo',
    data,
    symbolSize: 0,
    silent: true,
    z: 5,
    // Names that would still overlap are left out until the map is zoomed.
    labelLayout: { hideOverlap: true },
    label: { show: true, formatter: '{b}', color: '#262626', fontSize: 12, textBorderColor: '#fff', textBorderWidth: 3 },
  };
}
