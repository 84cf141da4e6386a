import { Alert, AutoComplete, Button, List, Space } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../../../shared/api';
import { type Answer, client, type Init, type Schemas, uploadFile } from '../../../../shared/client';
import { UploadProgress } from '../../../upload-progress';
import { Field } from './Field';
import { StrataCounts } from './StrataCounts';
import { showError, useSetupText } from './use-setup-text';

type Round = Schemas['Assessment'];
type Report = Answer<'/assessments/{id}/population', 'post'>;
// The columns are the query of the upload; one left empty is not sent.
type Columns = Required<Pick<NonNullable<Init<'/assessments/{id}/population', 'post'>['query']>, 'ref' | 'stratum' | 'name' | 'unit'>>;
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A CSV's first line, so the column pickers offer the file's own headings (an XLSX's come back from the server). */
async function csvHeader(file: File) {
  const head = (await file.slice(0, 65_536).text()).replace(/^\uFEFF/, '').split(/\r?\n/)[0] ?? '';
  return head.split(',').map((c) => c.trim().replace(/^"|"$/g, ''));
}

/**
 * 从表格导入: the clerk picks the file and says which columns hold what; a check first lists any rows to fix
 * (the server refuses the whole file while one is wrong), then the import.
 */
export function PopulationFile({ round, onChange }: { round: Round; onChange: () => void }) {
  const t = useSetupText();
  const [file, setFile] = useState<File | null>(null);
  const [header, setHeader] = useState<string[]>([]);
  const [columns, setColumns] = useState<Columns>({ ref: '', stratum: '', name: '', unit: '' });
  const [report, setReport] = useState<Report | null>(null);
  const [refusal, setRefusal] = useState<{ message: string; errors: Report['errors'] } | null>(null);
  const [busy, setBusy] = useState(false);
  const [progressPoll, setProgressPoll] = useState<(() => Promise<Schemas['RunProgress']>) | null>(null);
  const choose = async (f: File | undefined) => {
    setFile(f ?? null);
    setReport(null);
    setRefusal(null);
    if (f && !f.name.toLowerCase().endsWith('.xlsx')) {
      const h = await csvHeader(f);
      setHeader(h);
      setColumns((c) => ({ ...c, ref: c.ref || h[0] || '' }));
    }
  };
  const send = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(true);
    setReport(null);
    setRefusal(null);
    const query = { ...columns, dryRun: dryRun ? ('true' as const) : ('false' as const) };
    const type = file.name.toLowerCase().endsWith('.xlsx') ? xlsxType : 'text/csv';
    setProgressPoll(() => () => client.GET('/assessments/{id}/population/progress', { path: { id: round.id } }));
    try {
      const r = await uploadFile('/assessments/{id}/population', file, {
        path: { id: round.id },
        query,
        headers: { 'content-type': type },
      });
      setReport(r);
      if (!dryRun) onChange();
    } catch (e) {
      if (!(e instanceof ApiError)) return showError(e);
      const details = (e.details ?? {}) as { header?: string[]; errors?: Report['errors'] };
      if (details.header) setHeader(details.header);
      setRefusal({ message: e.message, errors: details.errors ?? [] });
    } finally {
      setBusy(false);
      setProgressPoll(null);
    }
  };
  const column = (key: keyof Columns, label: string) => (
    <Field label={label}>
      {(id) => (
        <AutoComplete
          id={id}
          aria-label={label}
          style={{ width: 200, display: 'block' }}
          value={columns[key]}
          options={header.map((h) => ({ value: h }))}
          onChange={(v: string) => setColumns({ ...columns, [key]: v })}
          allowClear
        />
      )}
    </Field>
  );
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Field label={t('chooseFile')}>
        {(id) => (
          <input
            id={id}
            type="file"
            accept=".csv,.xlsx,text/csv"
            style={{ display: 'block', maxWidth: '100%', marginTop: 4 }}
            onChange={(e) => void choose(e.target.files?.[0])}
          />
        )}
      </Field>
      {file && (
        <>
          <Space wrap align="end">
            {column('ref', t('colRef'))}
            {column('stratum', t('colStratum'))}
            {column('name', t('colName'))}
            {column('unit', t('colUnit'))}
          </Space>
          <Space wrap>
            <Button loading={busy} onClick={() => void send(true)}>
              {t('dryRun')}
            </Button>
            <Button type="primary" loading={busy} onClick={() => void send(false)}>
              {t('importNow')}
            </Button>
          </Space>
          <UploadProgress poll={progressPoll} />
        </>
      )}
      {report && (
        <Alert
          type="success"
          title={report.imported ? t('imported', { n: report.imported }) : t('dryOk', { rows: report.rows })}
          description={<StrataCounts strata={report.strata} />}
        />
      )}
      {refusal && (
        <Alert
          type="error"
          title={refusal.message}
          description={
            refusal.errors.length > 0 && (
              <List
                size="small"
                header={t('rowsToFix')}
                dataSource={refusal.errors}
                renderItem={(e) => <List.Item>{e.message}</List.Item>}
              />
            )
          }
        />
      )}
    </Space>
  );
}
