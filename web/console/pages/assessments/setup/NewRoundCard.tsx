import { Button, Card, Checkbox, Input, Radio, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { client, type Region, type Schemas } from '../../../../shared/client';
import { asItStands } from '../../../../shared/form-body';
import { useApp } from '../../../app-context';
import { Field } from './Field';
import { RubricEditor } from './RubricEditor';
import { showError, useSetupText } from './use-setup-text';

type Rubric = Schemas['AssessmentRubric'];
const kinds = ['audit', 'review', 'inspection', 'competition', 'quality_check'] as const;
const assignments = ['balanced', 'by_stratum', 'panel'] as const;

/**
 * 新建考评, step one of the wizard: the rubric (chosen, or written here as a new version) and the round's frame.
 * The created round opens on its own page, where the remaining steps wait.
 */
export function NewRoundCard({ onClose }: { onClose: () => void }) {
  const { t: shared, me } = useApp();
  const t = useSetupText();
  const [rubrics, setRubrics] = useState<Rubric[]>([]);
  const [regions, setRegions] = useState<Region[]>([]);
  const [writing, setWriting] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form, setForm] = useState({
    title: '',
    kind: 'audit' as (typeof kinds)[number],
    regionId: null as number | null,
    rubricId: null as number | null,
    startsOn: '',
    endsOn: '',
    assignment: 'balanced' as (typeof assignments)[number],
    series: '',
    period: '',
    blind: false,
    trim: false,
  });
  const set = (patch: Partial<typeof form>) => setForm((f) => ({ ...f, ...patch }));
  useEffect(() => {
    void client.GET('/assessment-rubrics').then((r) => setRubrics(r.items), showError);
    void client.GET('/regions').then((r) => {
      setRegions(r.items);
      // Where the clerk organises is the likely region; the server decides whether they may.
      const home = r.items.find((g) => me.grants.some((x) => x.regionPath === g.path));
      if (home) setForm((f) => ({ ...f, regionId: f.regionId ?? home.id }));
    }, showError);
  }, [me]);
  const create = async () => {
    setBusy(true);
    try {
      const round = await client.POST('/assessments', {
        body: asItStands({ ...form, series: form.series || null, period: form.period || null }),
      });
      window.location.hash = `#/assessments/${round.id}`;
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };
  const latest = rubrics.filter((r, i) => rubrics.findIndex((x) => x.name === r.name) === i || r.id === form.rubricId);
  return (
    <Card title={t('newRoundTitle')} style={{ marginBottom: 16 }} extra={<Button onClick={onClose}>{t('cancel')}</Button>}>
      <Space orientation="vertical" style={{ width: '100%' }} size="middle">
        <fieldset style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
          <legend>{t('roundRubric')}</legend>
          <Radio.Group
            optionType="button"
            value={writing ? 'write' : 'pick'}
            onChange={(e) => setWriting(e.target.value === 'write')}
            options={[
              { value: 'pick', label: t('pickRubric') },
              { value: 'write', label: t('writeRubric') },
            ]}
            style={{ marginBottom: 8 }}
          />
          {writing ? (
            <RubricEditor
              onSaved={(r) => {
                setRubrics([{ ...r }, ...rubrics]);
                set({ rubricId: r.id });
                setWriting(false);
              }}
            />
          ) : (
            <Select
              aria-label={t('pickRubric')}
              style={{ width: '100%' }}
              value={form.rubricId}
              placeholder={t('pickRubric')}
              onChange={(rubricId) => set({ rubricId })}
              options={latest.map((r) => ({ value: r.id, label: t('rubricVersion', { name: r.name, v: r.version }) }))}
            />
          )}
        </fieldset>
        <Field label={t('roundTitle')}>
          {(id) => <Input id={id} value={form.title} onChange={(e) => set({ title: e.target.value })} />}
        </Field>
        <Space wrap>
          <Field label={t('roundKind')}>
            {(id) => (
              <Select
                id={id}
                aria-label={t('roundKind')}
                style={{ width: 160, display: 'block' }}
                value={form.kind}
                onChange={(kind) => set({ kind })}
                options={kinds.map((k) => ({ value: k, label: shared(`akind.${k}`) }))}
              />
            )}
          </Field>
          <Field label={t('roundRegion')}>
            {(id) => (
              <Select
                id={id}
                aria-label={t('roundRegion')}
                style={{ width: 200, display: 'block' }}
                value={form.regionId}
                showSearch
                optionFilterProp="label"
                onChange={(regionId) => set({ regionId })}
                options={regions.map((r) => ({ value: r.id, label: r.name }))}
              />
            )}
          </Field>
          <Field label={t('roundStarts')}>
            {(id) => (
              <Input
                id={id}
                type="date"
                value={form.startsOn}
                onChange={(e) => set({ startsOn: e.target.value })}
                style={{ display: 'block' }}
              />
            )}
          </Field>
          <Field label={t('roundEnds')}>
            {(id) => (
              <Input
                id={id}
                type="date"
                value={form.endsOn}
                onChange={(e) => set({ endsOn: e.target.value })}
                style={{ display: 'block' }}
              />
            )}
          </Field>
        </Space>
        <Field label={t('roundAssignment')}>
          {(id) => (
            <Select
              id={id}
              aria-label={t('roundAssignment')}
              style={{ width: '100%', display: 'block' }}
              value={form.assignment}
              onChange={(assignment) => set({ assignment })}
              options={assignments.map((a) => ({ value: a, label: t(`assignment.${a}`) }))}
            />
          )}
        </Field>
        <Space wrap>
          <Field label={t('roundSeries')}>
            {(id) => <Input id={id} value={form.series} onChange={(e) => set({ series: e.target.value })} />}
          </Field>
          <Field label={t('roundPeriod')}>
            {(id) => <Input id={id} value={form.period} onChange={(e) => set({ period: e.target.value })} />}
          </Field>
        </Space>
        <Space wrap>
          <Checkbox checked={form.blind} onChange={(e) => set({ blind: e.target.checked })}>
            {t('roundBlind')}
          </Checkbox>
          <Checkbox checked={form.trim} onChange={(e) => set({ trim: e.target.checked })}>
            {t('roundTrim')}
          </Checkbox>
        </Space>
        <Button type="primary" loading={busy} onClick={() => void create()}>
          {t('createRound')}
        </Button>
      </Space>
    </Card>
  );
}
