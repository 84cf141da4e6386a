import { Alert, Button, Card, message, Segmented, Space, Table, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { type Answer, client } from '../../../shared/client';
import { FilePick } from '../../file-pick';
import { usePageMessages } from '../../page-messages';
import { fail } from './directory';
import { gazetteerWords } from './gazetteer-words';

type Place = Answer<'/gazetteer/places', 'get'>['items'][number];
type Report = Answer<'/gazetteer/places/import', 'post'> & Partial<Answer<'/gazetteer/boundaries', 'post'>>;

/** Bytes of a file as base64, for an XLSX sent inside JSON. */
const base64 = async (f: File) => {
  const bytes = new Uint8Array(await f.arrayBuffer());
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
};

/** 地名与边界: the admin imports boundaries and named places, and confirms the places learned from history. */
export function GazetteerTab() {
  const m = usePageMessages(gazetteerWords);
  const [quality, setQuality] = useState<'schematic' | 'surveyed'>('surveyed');
  const [boundaryReport, setBoundaryReport] = useState<Report | null>(null);
  const [placeReport, setPlaceReport] = useState<Report | null>(null);
  const [candidates, setCandidates] = useState<Place[]>([]);
  const [confirmed, setConfirmed] = useState<Place[]>([]);
  const load = useCallback(async () => {
    const [c, k] = await Promise.all([
      client.GET('/gazetteer/places', { query: { state: 'candidate' } }),
      client.GET('/gazetteer/places', { query: { state: 'confirmed' } }),
    ]);
    setCandidates(c.items);
    setConfirmed(k.items);
  }, []);
  useEffect(() => {
    void load().catch(fail);
  }, [load]);

  const importBoundaries = async (f: File) => {
    let collection: unknown;
    try {
      collection = JSON.parse(await f.text());
    } catch {
      return message.error(m('notJson'));
    }
    try {
      setBoundaryReport(await client.POST('/gazetteer/boundaries', { body: { collection, quality } }));
    } catch (e) {
      fail(e);
    }
  };
  const importPlaces = async (f: File) => {
    const xlsx = f.name.toLowerCase().endsWith('.xlsx');
    try {
      const data = xlsx ? await base64(f) : await f.text();
      setPlaceReport(await client.POST('/gazetteer/places/import', { body: { format: xlsx ? 'xlsx' : 'csv', data } }));
      await load();
    } catch (e) {
      fail(e);
    }
  };
  const learn = async () => {
    try {
      const r = await client.POST('/gazetteer/places/learn');
      message.success(m('learned', { n: r.proposed }));
      await load();
    } catch (e) {
      fail(e);
    }
  };
  const decide = async (id: number, decision: 'confirm' | 'reject') => {
    try {
      await client.POST('/gazetteer/places/{id}/decision', { path: { id }, body: { decision } });
      await load();
    } catch (e) {
      fail(e);
    }
  };

  // antd draws an empty table's words in its disabled grey, too faint to read (axe color-contrast).
  const none = <span style={{ color: '#595959' }}>{m('none')}</span>;
  const columns = [
    { title: m('name'), dataIndex: 'name' },
    { title: m('kind'), dataIndex: 'kind', render: (k: Place['kind']) => m(`kind.${k}`) },
    { title: m('community'), dataIndex: 'regionName' },
  ];
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card size="small" title={m('boundaries')}>
        <Typography.Paragraph type="secondary">{m('boundariesHelp')}</Typography.Paragraph>
        <Space wrap>
          <Segmented
            aria-label={m('quality')}
            value={quality}
            onChange={(v) => setQuality(v as 'schematic' | 'surveyed')}
            options={[
              { value: 'surveyed', label: m('surveyed') },
              { value: 'schematic', label: m('schematic') },
            ]}
          />
          <FilePick id="boundary-file" label={m('pickBoundaryFile')} accept=".geojson,.json" onPick={importBoundaries} />
        </Space>
        {boundaryReport && <ReportView report={boundaryReport} saved={m('savedBoundaries', { n: boundaryReport.saved })} m={m} />}
      </Card>
      <Card size="small" title={m('places')}>
        <Typography.Paragraph type="secondary">{m('placesHelp')}</Typography.Paragraph>
        <FilePick id="place-file" label={m('pickPlaceFile')} accept=".csv,.xlsx" onPick={importPlaces} />
        {placeReport && <ReportView report={placeReport} saved={m('savedPlaces', { n: placeReport.saved })} m={m} />}
      </Card>
      <Card size="small" title={m('candidates')} extra={<Button onClick={() => void learn()}>{m('learn')}</Button>}>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          scroll={{ x: true }}
          dataSource={candidates}
          locale={{ emptyText: none }}
          columns={[
            ...columns,
            { title: m('evidence'), dataIndex: 'evidence' },
            {
              title: '',
              key: 'act',
              render: (_: unknown, p: Place) => (
                <Space>
                  <Button size="small" type="primary" onClick={() => void decide(p.id, 'confirm')}>
                    {m('confirm')}
                  </Button>
                  <Button size="small" onClick={() => void decide(p.id, 'reject')}>
                    {m('reject')}
                  </Button>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      <Card size="small" title={m('confirmed')}>
        <Table
          rowKey="id"
          size="small"
          scroll={{ x: true }}
          dataSource={confirmed}
          locale={{ emptyText: none }}
          columns={[...columns, { title: m('source'), dataIndex: 'source', render: (s: Place['source']) => m(`source.${s}`) }]}
        />
      </Card>
    </Space>
  );
}

function ReportView({ report, saved, m }: { report: Report; saved: string; m: ReturnType<typeof usePageMessages<typeof gazetteerWords>> }) {
  return (
    <Space direction="vertical" style={{ width: '100%', marginTop: 12 }}>
      {report.problems.length > 0 ? (
        <Alert
          type="error"
          title={m('problems')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {report.problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          }
        />
      ) : (
        <Alert type="success" title={saved} />
      )}
      {report.uncovered && report.uncovered.length > 0 && (
        <Alert type="warning" title={m('uncovered', { names: report.uncovered.join('、') })} />
      )}
    </Space>
  );
}
