import { Button, Card, Empty, Input, List, message, Space } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../../../shared/api';
import { client, type Schemas } from '../../../shared/client';
import { formatDay } from '../../../shared/i18n';
import { useApp } from '../../app-context';
import { Tone } from '../../tone';

type Task = Schemas['RectificationTask'];

/** 整改台账 of one round: the unit reports what it did; the organiser re-checks. Buttons only where the server's data allows. */
export function RectificationCard({ assessmentId, organiser, canOpen }: { assessmentId: number; organiser: boolean; canOpen: boolean }) {
  const { t, lang } = useApp();
  const [tasks, setTasks] = useState<Task[]>([]);
  const [notes, setNotes] = useState<Record<number, string>>({});
  const load = useCallback(async () => {
    setTasks((await client.GET('/rectification-tasks', { query: { assessmentId } })).items);
  }, [assessmentId]);
  useEffect(() => {
    void load();
  }, [load]);
  const run = async (fn: () => Promise<unknown>, done?: string) => {
    try {
      await fn();
      if (done) void message.success(done);
      await load();
    } catch (e) {
      void message.error(e instanceof ApiError ? e.message : String(e));
    }
  };
  const open = () =>
    run(async () => {
      const r = await client.POST('/assessments/{id}/rectifications', { path: { id: assessmentId }, body: {} });
      void message.success(t('rectOpened', { n: r.created, due: r.dueOn }));
    });
  return (
    <Card
      title={t('rectification')}
      extra={canOpen && <Button onClick={() => void open()}>{t('rectOpen')}</Button>}
      style={{ marginBottom: 16 }}
    >
      {tasks.length === 0 ? (
        <Empty description={t('noTasks')} />
      ) : (
        <List
          dataSource={tasks}
          renderItem={(task) => (
            <List.Item>
              <Space orientation="vertical" style={{ width: '100%' }}>
                <Space wrap>
                  <strong>{task.subject}</strong>
                  <span>{task.ownerUnit}</span>
                  <Tone tone={task.state === 'closed' ? 'green' : task.state === 'submitted' ? 'blue' : 'grey'}>
                    {t(`rect.${task.state}`)}
                  </Tone>
                  <span>
                    {t('rectDue')} {formatDay(task.dueOn, lang)}
                  </span>
                  {task.overdue && <Tone tone="red">{t('rectOverdue')}</Tone>}
                </Space>
                <div>{task.description}</div>
                {task.evidence && (
                  <div>
                    {t('evidence')}：{task.evidence}
                  </div>
                )}
                {task.mine && task.state === 'open' && (
                  <Space.Compact style={{ width: '100%' }}>
                    <Input
                      aria-label={t('evidence')}
                      placeholder={t('evidence')}
                      value={notes[task.id] ?? ''}
                      onChange={(e) => setNotes({ ...notes, [task.id]: e.target.value })}
                    />
                    <Button
                      type="primary"
                      onClick={() =>
                        void run(() =>
                          client.POST('/rectification-tasks/{id}/evidence', {
                            path: { id: task.id },
                            body: { evidence: notes[task.id] ?? '' },
                          }),
                        )
                      }
                    >
                      {t('submitEvidence')}
                    </Button>
                  </Space.Compact>
                )}
                {organiser && task.state === 'submitted' && (
                  <Space wrap>
                    <Input
                      aria-label={t('recheckNote')}
                      placeholder={t('recheckNote')}
                      value={notes[task.id] ?? ''}
                      onChange={(e) => setNotes({ ...notes, [task.id]: e.target.value })}
                    />
                    <Button
                      type="primary"
                      onClick={() =>
                        void run(() =>
                          client.POST('/rectification-tasks/{id}/recheck', {
                            path: { id: task.id },
                            body: { accepted: true, note: notes[task.id] },
                          }),
                        )
                      }
                    >
                      {t('recheckAccept')}
                    </Button>
                    <Button
                      onClick={() =>
                        void run(() =>
                          client.POST('/rectification-tasks/{id}/recheck', {
                            path: { id: task.id },
                            body: { accepted: false, note: notes[task.id] },
                          }),
                        )
                      }
                    >
                      {t('recheckReturn')}
                    </Button>
                  </Space>
                )}
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
