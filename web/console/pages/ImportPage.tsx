import { AutoComplete, Button, Card, Form, Input, message, Select, Space, Table, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../../shared/api';
import { type Category, client, type Region, type Schemas, uploadFile } from '../../shared/client';
import { useApp } from '../app-context';
import { UploadProgress } from '../upload-progress';

type Source = Schemas['ImportSource'] & { id: number };
type Report = Schemas['ImportReport'];
type Unit = Schemas['Unit'];
type Kind = 'regions' | 'categories' | 'units';
const fields = ['number', 'content', 'createdAt', 'title', 'replyText', 'repliedAt', 'reporterName', 'region', 'category', 'unit'] as const;
const required = new Set(['number', 'content', 'createdAt']);
const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const fail = (e: unknown) => message.error(e instanceof ApiError ? e.message : String(e));

/** 历史导入: map an earlier system's export once per source, try it, resolve names by hand, then import all of it. */
export function ImportPage() {
  const { t } = useApp();
  const [sources, setSources] = useState<Source[]>([]);
  const [source, setSource] = useState<Source | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [header, setHeader] = useState<string[]>([]);
  const [report, setReport] = useState<Report | null>(null);
  const [busy, setBusy] = useState(false);
  const [progressPoll, setProgressPoll] = useState<(() => Promise<Schemas['RunProgress']>) | null>(null);
  const [ref, setRef] = useState<{ regions: Region[]; categories: Category[]; units: Unit[] }>({ regions: [], categories: [], units: [] });
  const [form] = Form.useForm();
  const load = useCallback(async () => {
    const [s, r, c, u] = await Promise.all([
      client.GET('/import-sources'),
      client.GET('/regions'),
      client.GET('/categories'),
      client.GET('/units'),
    ]);
    setSources(s.items);
    setRef({ regions: r.items, categories: c.items, units: u.items });
  }, []);
  useEffect(() => {
    void load().catch(fail);
  }, [load]);
  useEffect(() => {
    form.setFieldsValue(source ?? { name: '', columns: {}, defaults: {} });
  }, [source, form]);

  const pick = async (f: File | undefined) => {
    setFile(f ?? null);
    setReport(null);
    // A CSV's first line names its columns: offered when mapping them.
    if (f?.name.toLowerCase().endsWith('.csv'))
      setHeader(
        (await f.slice(0, 4096).text())
          .replace(/^\uFEFF/, '')
          .split(/\r?\n/)[0]
          .split(',')
          .map((h) => h.replace(/"/g, '').trim()),
      );
    else setHeader([]);
  };
  const save = async (nameMaps?: Source['nameMaps']) => {
    const v = await form.validateFields();
    const body = { name: v.name, columns: clean(v.columns), defaults: clean(v.defaults), nameMaps: nameMaps ?? source?.nameMaps ?? {} };
    const saved = await client.POST('/import-sources', { body });
    const next = { ...body, id: saved.id } as Source;
    setSource(next);
    await load();
    return next;
  };
  const run = async (dryRun: boolean, nameMaps?: Source['nameMaps']) => {
    if (!file) return message.warning(t('importPickFile'));
    setBusy(true);
    try {
      const s = await save(nameMaps);
      const type = file.name.toLowerCase().endsWith('.csv') ? 'text/csv' : xlsx;
      setProgressPoll(() => () => client.GET('/import-sources/{id}/runs/progress', { path: { id: s.id } }));
      try {
        const query = { dryRun: dryRun ? ('true' as const) : ('false' as const) };
        const r = await uploadFile('/import-sources/{id}/runs', file, { path: { id: s.id }, query, headers: { 'content-type': type } });
        setReport(r);
        if (!dryRun) message.success(t('importDone').replace('{n}', String(r.imported)).replace('{s}', String(r.skipped)));
      } catch (e) {
        // 422 carries the report: what to fix, row by row.
        if (e instanceof ApiError && e.status === 422) setReport(e.details as Report);
        else throw e;
      }
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
      setProgressPoll(null);
    }
  };
  const options: Record<Kind, { value: number; label: string }[]> = {
    regions: ref.regions.map((r) => ({ value: r.id, label: r.name })),
    categories: ref.categories.map((c) => ({ value: c.id, label: c.fullName })),
    units: ref.units.map((u) => ({ value: u.id, label: u.name })),
  };
  const unmatched = report
    ? (['regions', 'categories', 'units'] as const).flatMap((k) =>
        Object.entries(report.unmatched[k]).map(([name, n]) => ({ kind: k, name, n })),
      )
    : [];
  const [chosen, setChosen] = useState<Record<string, number>>({});

  return (
    <div>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {t('menuImport')}
      </Typography.Title>
      <Card style={{ marginBottom: 16 }}>
        <Space wrap style={{ marginBottom: 12 }}>
          <Select
            style={{ minWidth: 220 }}
            placeholder={t('importSource')}
            aria-label={t('importSource')}
            value={source?.id}
            onChange={(id) => setSource(sources.find((s) => s.id === id) ?? null)}
            options={sources.map((s) => ({ value: s.id, label: s.name }))}
            allowClear
            onClear={() => setSource(null)}
          />
          <input
            id="import-file"
            aria-label={t('importFile')}
            type="file"
            accept=".csv,.xlsx"
            onChange={(e) => void pick(e.target.files?.[0])}
          />
        </Space>
        <Form form={form} layout="vertical">
          <Form.Item name="name" label={t('importSourceName')} rules={[{ required: true }]}>
            <Input style={{ maxWidth: 320 }} />
          </Form.Item>
          <Space wrap align="start">
            {fields.map((f) => (
              <Form.Item key={f} name={['columns', f]} label={t(`importCol.${f}`)} rules={required.has(f) ? [{ required: true }] : []}>
                <AutoComplete style={{ width: 150 }} options={header.map((h) => ({ value: h }))} />
              </Form.Item>
            ))}
          </Space>
          <Space wrap>
            <Form.Item name={['defaults', 'regionId']} label={t('importDefaultRegion')} rules={[{ required: true }]}>
              <Select style={{ width: 200 }} options={options.regions} showSearch optionFilterProp="label" />
            </Form.Item>
            <Form.Item name={['defaults', 'unitId']} label={t('importDefaultUnit')}>
              <Select style={{ width: 200 }} options={options.units} showSearch optionFilterProp="label" allowClear />
            </Form.Item>
          </Space>
        </Form>
        <Space>
          <Button loading={busy} onClick={() => void run(true)}>
            {t('importDryRun')}
          </Button>
          <Button
            type="primary"
            loading={busy}
            disabled={!report || report.errors.length > 0 || report.valid === 0}
            onClick={() => void run(false)}
          >
            {t('importRun')}
          </Button>
        </Space>
        <UploadProgress poll={progressPoll} />
      </Card>
      {report && (
        <Card title={t('importReport')} data-testid="import-report">
          <Typography.Paragraph>
            {t('importSummary')
              .replace('{rows}', String(report.rows))
              .replace('{valid}', String(report.valid))
              .replace('{skipped}', String(report.skipped))
              .replace('{imported}', String(report.imported))}
          </Typography.Paragraph>
          {unmatched.length > 0 && (
            <>
              <Typography.Title level={2} style={{ fontSize: 16 }}>
                {t('importUnmatched')}
              </Typography.Title>
              <Table
                rowKey={(r) => `${r.kind}:${r.name}`}
                size="small"
                pagination={false}
                dataSource={unmatched}
                columns={[
                  { title: t('importName'), dataIndex: 'name' },
                  { title: t('importRows'), dataIndex: 'n', width: 80 },
                  {
                    title: t('importMapTo'),
                    render: (_, r) => (
                      <Select
                        style={{ width: 240 }}
                        aria-label={`${t('importMapTo')} ${r.name}`}
                        options={options[r.kind]}
                        showSearch
                        optionFilterProp="label"
                        onChange={(v: number) => setChosen((c) => ({ ...c, [`${r.kind}:${r.name}`]: v }))}
                      />
                    ),
                  },
                ]}
              />
              <Button
                style={{ marginTop: 8 }}
                onClick={() => {
                  const maps: Source['nameMaps'] = { ...source?.nameMaps };
                  for (const [key, id] of Object.entries(chosen)) {
                    const [kind, name] = [key.slice(0, key.indexOf(':')) as Kind, key.slice(key.indexOf(':') + 1)];
                    maps[kind] = { ...maps[kind], [name]: id };
                  }
                  void run(true, maps);
                }}
              >
                {t('importSaveNames')}
              </Button>
            </>
          )}
          {report.errors.length > 0 && (
            <Table
              style={{ marginTop: 12 }}
              rowKey="row"
              size="small"
              dataSource={report.errors}
              columns={[
                { title: t('importRow'), dataIndex: 'row', width: 80 },
                { title: t('importProblem'), dataIndex: 'message' },
              ]}
            />
          )}
        </Card>
      )}
    </div>
  );
}

const clean = <T extends Record<string, unknown>>(o: T) =>
  Object.fromEntries(Object.entries(o ?? {}).filter(([, v]) => v !== undefined && v !== '' && v !== null)) as T;
