import { Button, Card, Descriptions, Input, message, Popconfirm, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../../../shared/api';
import { client, hrefOf, type Schemas } from '../../../shared/client';
import { formatDays } from '../../../shared/i18n';
import { useApp } from '../../app-context';
import { Tone } from '../../tone';
import { ConsultationsCard } from './ConsultationsCard';
import { stateColour } from './labels';
import { RectificationCard } from './RectificationCard';
import { ResultsCard } from './ResultsCard';
import { ReferCase } from './setup/ReferCase';
import { RoundSetup } from './setup/RoundSetup';
import { useSetupText } from './setup/use-setup-text';

type Round = Schemas['Assessment'];
type Results = Schemas['AssessmentResults'];
const stateSteps = ['open', 'close', 'publish'] as const;
const stepLabel = { open: 'openRound', close: 'closeRound', publish: 'publishRound' } as const;

/** One round: what it is, what the caller may do now (as the server says), its results and its rectification. */
export function AssessmentDetail({ id }: { id: number }) {
  const { t, lang } = useApp();
  const s = useSetupText();
  const [round, setRound] = useState<Round | null>(null);
  const [results, setResults] = useState<Results | null>(null);
  const [report, setReport] = useState('');
  const load = useCallback(async () => {
    const [r, res] = await Promise.all([
      client.GET('/assessments/{id}', { path: { id } }),
      client.GET('/assessments/{id}/results', { path: { id } }),
    ]);
    setRound(r);
    setResults(res);
  }, [id]);
  useEffect(() => {
    void load();
  }, [load]);
  if (!round) return null;
  const fail = (e: unknown) => void message.error(e instanceof ApiError ? e.message : String(e));
  const step = async (s: (typeof stateSteps)[number]) => {
    try {
      // Each path written out, so a reader (and the reachability scan) finds every state change here.
      const send = {
        open: () => client.POST('/assessments/{id}/open', { path: { id } }),
        close: () => client.POST('/assessments/{id}/close', { path: { id } }),
        publish: () => client.POST('/assessments/{id}/publish', { path: { id } }),
      }[s];
      const r = await send();
      void message.success(t('stepDone', { state: t(`astate.${r.state as Round['state']}`) }));
      await load();
    } catch (e) {
      fail(e);
    }
  };
  const organiser = round.myParts.includes('organiser');
  // While a round is set up, opening it is the wizard's last step rather than a button beside the title.
  const settingUp = round.allowedSteps.includes('setup');
  const plan = round.samplePlan;
  return (
    <section className="assessment">
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {round.title}
      </Typography.Title>
      <Space wrap style={{ marginBottom: 12 }} className="no-print">
        <Tag>{t(`akind.${round.kind}`)}</Tag>
        <Tone tone={stateColour[round.state]}>{t(`astate.${round.state}`)}</Tone>
        {stateSteps
          .filter((x) => round.allowedSteps.includes(x) && !(settingUp && x === 'open'))
          .map((x) =>
            // Publishing shows the results to the public at once: asked once more.
            x === 'publish' ? (
              <Popconfirm key={x} title={s('publishConfirm')} okText={s('publishRound')} onConfirm={() => step(x)}>
                <Button type="primary">{s(stepLabel[x])}</Button>
              </Popconfirm>
            ) : (
              <Button key={x} onClick={() => void step(x)}>
                {s(stepLabel[x])}
              </Button>
            ),
          )}
        {round.allowedSteps.includes('score') && (
          <Button type="primary" href={`#/score/${round.id}`}>
            {t('scoreNow')}
          </Button>
        )}
        {(organiser || round.myParts.includes('chair')) && (
          <Button href={hrefOf('/assessments/{id}/export.xlsx', { path: { id: round.id } })}>{t('exportXlsx')}</Button>
        )}
        <Button onClick={() => window.print()}>{t('printReport')}</Button>
      </Space>
      <Descriptions size="small" column={{ xs: 1, sm: 2 }} bordered style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('region')}>{round.region}</Descriptions.Item>
        <Descriptions.Item label={t('assessPeriod')}>
          {formatDays(round.startsOn, round.endsOn, lang)}
          {round.period ? `（${round.period}）` : ''}
        </Descriptions.Item>
        <Descriptions.Item label={t('assessRubric')}>
          {round.rubric.name} {t('assessVersion', { n: round.rubric.version })}
        </Descriptions.Item>
        <Descriptions.Item label={t('assessSubjects')}>{round.counts.sampled}</Descriptions.Item>
        <Descriptions.Item label={t('myParts')}>{round.myParts.map((p) => t(`part.${p}`)).join('、')}</Descriptions.Item>
        {plan && (
          <Descriptions.Item label={t('samplePlan')}>
            {t('sampleSummary', {
              population: plan.population,
              size: plan.size,
              allocation: t(`allocation.${plan.allocation}`),
              seed: round.sampleSeed ?? '—',
            })}
            {plan.formula && <div style={{ fontSize: 12, color: '#555', wordBreak: 'break-all' }}>{plan.formula}</div>}
          </Descriptions.Item>
        )}
      </Descriptions>
      {settingUp && <RoundSetup round={round} onChange={() => void load()} />}
      {round.allowedSteps.includes('consult') && <ReferCase round={round} onChange={() => void load()} />}
      {round.myParts.includes('assessed') && round.allowedSteps.includes('report') && (
        <Card title={t('selfInspection')} style={{ marginBottom: 16 }} className="no-print">
          <Input.TextArea aria-label={t('reportBody')} rows={4} value={report} onChange={(e) => setReport(e.target.value)} />
          <Button
            type="primary"
            style={{ marginTop: 8 }}
            onClick={async () => {
              try {
                await client.POST('/assessments/{id}/reports', { path: { id }, body: { kind: 'self_inspection', body: report } });
                setReport('');
                void message.success(t('reportSent'));
              } catch (e) {
                fail(e);
              }
            }}
          >
            {t('submit')}
          </Button>
        </Card>
      )}
      <ConsultationsCard round={round} onChange={() => void load()} />
      {results && !settingUp && <ResultsCard round={round} results={results} />}
      {!settingUp && (
        <RectificationCard assessmentId={round.id} organiser={organiser} canOpen={organiser && round.allowedSteps.includes('rectify')} />
      )}
    </section>
  );
}
