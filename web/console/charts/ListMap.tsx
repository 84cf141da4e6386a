import { useEffect, useState } from 'react';
import { api } from '../../shared/api';
import type { Answer } from '../../shared/client';
import { DistrictMap } from './DistrictMap';

/** The demand list's map: the same district map as 一屏, shaded by the caller's last 30 days. */
export function ListMap() {
  const [counts, setCounts] = useState<{ regionId: number; count: number }[]>([]);
  useEffect(() => {
    void api<Answer<'/api/v1/dashboard', 'get'>>('GET', '/dashboard').then(
      (d) => setCounts(d.places),
      () => setCounts([]),
    );
  }, []);
  return <DistrictMap counts={counts} height={360} />;
}
