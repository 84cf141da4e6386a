import { Button, Collapse, Input, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { client, hrefOf, type Schemas } from '../../shared/client';
import { formatTime, stateNames } from '../../shared/i18n';
import { useApp } from '../app-context';
import { dueLabel } from '../due-label';
import { Highlight, HitSnippet } from '../highlight';
import { type DemandQuery, landingQueue, queueQuery } from '../queues';
import { useNarrow } from '../use-narrow';
import { BulkDispatch } from './demand/BulkDispatch';
import { DemandCards } from './demand/DemandCards';
import type { DemandRow } from './demand/demand-row';
import { SupervisionTag } from './demand/SupervisionTag';
import { type ListFilter, ListFilters } from './ListFilters';
import { mapWords } from './map/map-words';

// The list is the console's first screen: its map (ECharts) loads only when opened.
const ListMap = lazy(() => import('../charts/ListMap').then((m) => ({ default: m.ListMap })));

type Unit = Schemas['Unit'];

/** `regionId`: opened from the dashboard's map, the list starts filtered to that place. */
export function ListPage({ regionId }: { regionId?: number } = {}) {
  const { t, lang, has, me } = useApp();
  const defaultQueue = landingQueue(me.grants);
  const [queue, setQueue] = useState<string>(regionId ? 'all' : defaultQueue);
  const [q, setQ] = useState('');
  const [extra, setExtra] = useState<ListFilter>(regionId ? { regionId } : {});
  const [page, setPage] = useState(1);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const [data, setData] = useState<Pick<Schemas['DemandPage'], 'items' | 'total' | 'totalCapped'>>({
    items: [],
    total: 0,
    totalCapped: false,
  });
  const [selected, setSelected] = useState<number[]>([]);
  const [units, setUnits] = useState<Unit[]>([]);
  const [bulkUnit, setBulkUnit] = useState<number | undefined>();
  const [confirming, setConfirming] = useState(false);
  const phone = useNarrow();

  // The queue's filters, shared by the page shown and the export of the whole list.
  const filters = useCallback((): DemandQuery => ({ ...queueQuery(queue), q: q.trim() || undefined, ...extra }), [queue, q, extra]);
  const load = useCallback(async () => {
    setData(await client.GET('/demands', { query: { ...filters(), page, pageSize: 20 } }));
  }, [page, filters]);
  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    if (has('dispatcher')) void client.GET('/units').then((r) => setUnits(r.items));
  }, [has]);

  const queues = [
    ...(has('dispatcher') ? [{ value: 'new', label: t('queueNew') }] : []),
    ...(me.grants.some((g) => g.role === 'handler') ? [{ value: 'inbox', label: t('queueInbox') }] : []),
    ...(has('operator') ? [{ value: 'callback', label: t('queueCallback') }] : []),
    { value: 'overdue', label: t('queueOverdue') },
    ...(has('supervisor')
      ? [
          { value: 'extensions', label: t('queueExtensions') },
          { value: 'supervised', label: t('queueSupervised') },
        ]
      : []),
    { value: 'soon', label: t('queueSoon') },
    { value: 'all', label: t('queueAll') },
  ];

  return (
    <div>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {t('menuList')}
      </Typography.Title>
      <Collapse
        size="small"
        style={{ marginBottom: 12 }}
        items={[
          {
            key: 'map',
            label: mapWords.panel[lang],
            children: (
              <Suspense fallback={null}>
                <ListMap />
              </Suspense>
            ),
          },
        ]}
      />
      <Space wrap style={{ marginBottom: 16 }}>
        <div className="queue-tabs">
          <Segmented
            options={queues}
            value={queue}
            onChange={(v) => {
              setPage(1);
              setQueue(String(v));
            }}
          />
        </div>
        <Input.Search
          placeholder={t('search')}
          aria-label={t('search')}
          allowClear
          onSearch={(v) => {
            setPage(1);
            setQ(v);
            // A number or a word is looked for in every demand the caller may see, not only in the queue on screen.
            if (v.trim()) setQueue('all');
          }}
          style={{ width: 280 }}
        />
        <Button href={hrefOf('/demands', { query: { ...filters(), format: 'xlsx' } })}>{t('exportXlsx')}</Button>
        {/* On a phone the filters wait behind one button: the demands come first on a small screen. */}
        {phone && !filtersOpen && Object.values(extra).every((v) => v === undefined) ? (
          <Button onClick={() => setFiltersOpen(true)}>{t('filtersOpen')}</Button>
        ) : (
          <ListFilters
            value={extra}
            onChange={(f) => {
              setPage(1);
              setExtra(f);
            }}
          />
        )}
        {has('dispatcher') && selected.length > 0 && (
          <Space>
            <Select
              style={{ width: 240 }}
              allowClear
              placeholder={t('firstResponsible')}
              aria-label={t('leadUnit')}
              value={bulkUnit}
              onChange={setBulkUnit}
              options={units.map((u) => ({ value: u.id, label: u.name }))}
              showSearch={{ optionFilterProp: 'label' }}
            />
            <Button type="primary" onClick={() => setConfirming(true)}>
              {t('bulkDispatch')} ({selected.length})
            </Button>
          </Space>
        )}
      </Space>
      <BulkDispatch
        open={confirming}
        demands={data.items.filter((d) => selected.includes(d.id))}
        unit={units.find((u) => u.id === bulkUnit)}
        onClose={(dispatched) => {
          setConfirming(false);
          if (!dispatched) return;
          setSelected([]);
          void load();
        }}
      />
      {phone ? (
        <DemandCards items={data.items} total={data.total} page={page} onPage={setPage} q={q} />
      ) : (
        <Table<DemandRow>
          rowKey="id"
          dataSource={data.items}
          rowSelection={has('dispatcher') ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys as number[]) } : undefined}
          pagination={{
            current: page,
            pageSize: 20,
            total: data.total,
            onChange: setPage,
            showTotal: (n) => t(data.totalCapped ? 'totalCapped' : 'total', { n }),
          }}
          columns={[
            { title: t('number'), dataIndex: 'number', render: (v: string, r) => <a href={`#/demand/${r.id}`}>{v}</a> },
            {
              title: t('title'),
              dataIndex: 'title',
              render: (v: string, r) => (
                <>
                  <a href={`#/demand/${r.id}`}>
                    <Highlight text={v} q={q} />
                  </a>
                  <HitSnippet title={v} content={r.content} q={q} />
                </>
              ),
            },
            {
              title: t('state'),
              dataIndex: 'state',
              render: (s: string, r) => (
                <Space size={4}>
                  <Tag>{stateNames[s]?.[lang] ?? s}</Tag>
                  <SupervisionTag row={r} />
                </Space>
              ),
            },
            { title: t('region'), render: (_, r) => <span className="nowrap">{r.region.name}</span> },
            { title: t('unit'), render: (_, r) => <span className="nowrap">{r.unit?.name ?? '—'}</span> },
            { title: t('due'), render: (_, r) => dueLabel(r, t) },
            { title: t('created'), dataIndex: 'createdAt', render: (v: string) => formatTime(v, lang) },
          ]}
        />
      )}
    </div>
  );
}
