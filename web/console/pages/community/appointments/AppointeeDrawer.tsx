import { Drawer, List, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { client } from '../../../../shared/client';
import { EmptyText } from './EmptyText';
import { useAppointmentT } from './messages';
import { PersonFacts } from './PersonFacts';
import { StepButtons } from './StepButtons';
import type { Appointee, AppointeeRow, Step } from './types';

/** One person's record: term and pairing, each duty with the work logged against it, the log, demands in the post, evaluations. */
export function AppointeeDrawer(props: {
  id: number | null;
  version: number;
  onClose: () => void;
  onStep: (step: Step, who: AppointeeRow) => void;
}) {
  const t = useAppointmentT();
  const [view, setView] = useState<Appointee | null>(null);
  // `version` moves when a step is taken, so the record shows the step's outcome.
  // biome-ignore lint/correctness/useExhaustiveDependencies: version is the reload signal
  useEffect(() => {
    setView(null);
    if (props.id) void client.GET('/appointees/{id}', { path: { id: props.id } }).then(setView);
  }, [props.id, props.version]);
  return (
    <Drawer
      open={props.id !== null}
      onClose={props.onClose}
      size={Math.min(560, typeof window === 'undefined' ? 560 : window.innerWidth)}
      title={view ? `${view.post} · ${view.name}` : t('details')}
    >
      {view && (
        <>
          <PersonFacts who={view} />
          <div style={{ margin: '8px 0 16px' }}>
            <StepButtons who={view} onStep={props.onStep} />
          </div>
          <Typography.Title level={2} style={{ fontSize: 16 }}>
            {t('dutyChecklist')}
          </Typography.Title>
          <List
            size="small"
            dataSource={view.duties}
            renderItem={(d) => (
              <List.Item>
                <span>{d.duty}</span>
                <span>{t('dutyEntries', { n: d.entries })}</span>
              </List.Item>
            )}
          />
          <Typography.Title level={2} style={{ fontSize: 16, marginTop: 16 }}>
            {t('workLog')}
          </Typography.Title>
          <List
            size="small"
            dataSource={view.logs}
            locale={{ emptyText: <EmptyText>{t('noWork')}</EmptyText> }}
            renderItem={(l) => (
              <List.Item>
                <div style={{ overflowWrap: 'anywhere' }}>
                  <div>
                    {l.happenedOn} · {t(`work.${l.kind}`)}
                  </div>
                  <div>{l.summary}</div>
                  {l.duty && <div style={{ color: '#444' }}>{t('dutyOf', { duty: l.duty })}</div>}
                  {l.evidence && <div style={{ color: '#444' }}>{l.evidence}</div>}
                </div>
              </List.Item>
            )}
          />
          <p style={{ marginTop: 16 }}>{t('demandsInPost', view.demands)}</p>
          {view.evaluations.length > 0 && (
            <>
              <Typography.Title level={2} style={{ fontSize: 16 }}>
                {t('evaluations')}
              </Typography.Title>
              {view.evaluations.map((e) => (
                <p key={e.assessmentId}>
                  {t('evaluationLine', { title: e.title, final: e.final ?? '—', max: e.maxTotal ?? '—', rank: e.rank ?? '—', of: e.of })}
                </p>
              ))}
            </>
          )}
        </>
      )}
    </Drawer>
  );
}
