import { useEffect, useState } from 'react';
import { client } from '../../shared/client';
import { DistrictMap } from './DistrictMap';

/** The demand list's map: the same district map as 一屏, shaded by the caller's last 30 days. */
export function ListMap() {
  const [counts, setCounts] = useState<{ regionId: number; count: number }[]>([]);
  useEffect(() => {
    void client.GET('/dashboard').then(
      (d) => setCounts(d.places),
      () => setCounts([]),
    );
  }, []);
  return <DistrictMap counts={counts} height={360} />;
}
