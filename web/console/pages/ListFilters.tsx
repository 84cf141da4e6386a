import { Button, DatePicker, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { type Category, client, type Init, type Region, type Schemas } from '../../shared/client';
import { useApp } from '../app-context';
import { categoryOption, useCategorySearch } from '../category-search';
import type { messages } from '../messages';

/** The list's own filters: a part of the demands query the server defines. */
export type ListFilter = Pick<
  NonNullable<Init<'/demands', 'get'>['query']>,
  'regionId' | 'unitId' | 'categoryId' | 'channel' | 'type' | 'from' | 'to' | 'overdueDays'
>;

const channels = ['hotline', 'web', 'walk_in', 'reception_day', 'letter', 'api', 'activity', 'city12345', 'import', 'sms'] as const;
const types = ['complaint', 'help', 'consultation', 'report', 'suggestion'] as const;

/** 筛选: township or community, unit, category, channel, type, registration dates, how long overdue. */
export function ListFilters({ value, onChange }: { value: ListFilter; onChange: (f: ListFilter) => void }) {
  const { t } = useApp();
  const [regions, setRegions] = useState<Region[]>([]);
  const [categories, setCategories] = useState<Category[]>([]);
  const [units, setUnits] = useState<Schemas['Unit'][]>([]);
  useEffect(() => {
    // Each list is optional: a role that may not read one simply gets no picker for it.
    void client.GET('/regions').then(
      (r) => setRegions(r.items),
      () => undefined,
    );
    void client.GET('/categories').then(
      (r) => setCategories(r.items),
      () => undefined,
    );
    void client.GET('/units').then(
      (r) => setUnits(r.items),
      () => undefined,
    );
  }, []);
  const categorySearch = useCategorySearch();
  const set = (patch: Partial<ListFilter>) => onChange({ ...value, ...patch });
  const label = (key: string) => t(key as keyof typeof messages);
  const pick = { allowClear: true, showSearch: { optionFilterProp: 'label' as const }, style: { width: 180 } };
  return (
    <Space wrap className="list-filters" data-testid="list-filters">
      <Select
        {...pick}
        aria-label={t('filterRegion')}
        placeholder={t('filterRegion')}
        value={value.regionId}
        onChange={(regionId) => set({ regionId })}
        options={regions.filter((r) => r.level !== 'grid').map((r) => ({ value: r.id, label: r.name }))}
      />
      <Select
        {...pick}
        aria-label={t('unit')}
        placeholder={t('unit')}
        value={value.unitId}
        onChange={(unitId) => set({ unitId })}
        options={units.map((u) => ({ value: u.id, label: u.name }))}
      />
      <Select
        {...pick}
        showSearch={categorySearch}
        style={{ width: 220 }}
        aria-label={t('category')}
        placeholder={t('category')}
        value={value.categoryId}
        onChange={(categoryId) => set({ categoryId })}
        options={categories.map(categoryOption)}
      />
      <Select
        {...pick}
        style={{ width: 130 }}
        aria-label={t('channel')}
        placeholder={t('channel')}
        value={value.channel}
        onChange={(channel) => set({ channel })}
        options={channels.map((c) => ({ value: c, label: label(`channel.${c}`) }))}
      />
      <Select
        {...pick}
        style={{ width: 110 }}
        aria-label={t('type')}
        placeholder={t('type')}
        value={value.type}
        onChange={(type) => set({ type })}
        options={types.map((c) => ({ value: c, label: label(`type.${c}`) }))}
      />
      <DatePicker.RangePicker
        aria-label={t('filterDates')}
        placeholder={[t('filterFrom'), t('filterTo')]}
        value={value.from && value.to ? [dayjs(value.from), dayjs(value.to)] : null}
        onChange={(range: [Dayjs | null, Dayjs | null] | null) =>
          set({ from: range?.[0]?.startOf('day').toISOString(), to: range?.[1]?.endOf('day').toISOString() })
        }
      />
      <Select
        {...pick}
        style={{ width: 150 }}
        aria-label={t('filterOverdue')}
        placeholder={t('filterOverdue')}
        value={value.overdueDays}
        onChange={(overdueDays) => set({ overdueDays })}
        options={[1, 3, 7, 30].map((d) => ({ value: d, label: t('filterOverdueDays').replace('{n}', String(d)) }))}
      />
      <Button onClick={() => onChange({})}>{t('filterClear')}</Button>
    </Space>
  );
}
