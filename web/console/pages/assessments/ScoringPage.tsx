import { Alert, Button, Card, Input, InputNumber, message, Radio, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { client, type Schemas } from '../../../shared/client';
import { useApp } from '../../app-context';
import { Tone } from '../../tone';
import { adoptEarlierScores, type PendingEntry, scoreKey, scoreQueue } from './score-queue';

type Round = Schemas['Assessment'];
type Page = Schemas['AssessmentSubjectsPage'];
type Subject = Page['items'][number];
/** Scores of this round still on the phone. */
const waiting = (id: number) => scoreQueue.read().filter((e) => e.item.assessmentId === id && e.status === 'pending').length;
type Draft = Record<string, { passed?: boolean; score?: number | null; reason?: string }>;

/**
 * 现场测评 on a phone: one card per subject, each item judged or scored, saved on the phone first
 * and sent when the network allows. Blind rounds show only the assessor's own entries.
 */
export function ScoringPage({ id }: { id: number }) {
  const { t } = useApp();
  const [round, setRound] = useState<Round | null>(null);
  const [subjects, setSubjects] = useState<Subject[]>([]);
  const [next, setNext] = useState<number | null>(null);
  const [drafts, setDrafts] = useState<Record<number, Draft>>({});
  const [pending, setPending] = useState(() => {
    adoptEarlierScores(id);
    return waiting(id);
  });
  const loadPage = useCallback(
    async (after?: number, mine?: boolean) => {
      const query = { limit: 50, after, mine: mine ? ('true' as const) : undefined };
      const page = await client.GET('/assessments/{id}/subjects', { path: { id }, query });
      setSubjects((old) => (after ? [...old, ...page.items] : page.items));
      setNext(page.next);
    },
    [id],
  );
  const flush = useCallback(async () => {
    // A refusal (a closed round, a bad score) is the person's to see; the queue keeps the rest for the next try.
    for (const refused of await scoreQueue.flush()) void message.error(refused.error);
    setPending(waiting(id));
  }, [id]);
  useEffect(() => {
    void client.GET('/assessments/{id}', { path: { id } }).then((r) => {
      setRound(r);
      void loadPage(undefined, r.assignment !== 'panel');
    });
    void flush();
    const online = () => void flush();
    window.addEventListener('online', online);
    const timer = window.setInterval(online, 20_000);
    return () => {
      window.removeEventListener('online', online);
      window.clearInterval(timer);
    };
  }, [id, loadPage, flush]);
  if (!round) return null;
  const items = round.rubric.aspects.flatMap((a) => a.items);
  const draftOf = (s: Subject): Draft =>
    drafts[s.id] ??
    Object.fromEntries(
      s.myScores.map((m) => [m.itemKey, { passed: m.passed ?? undefined, score: m.score, reason: m.reason ?? undefined }]),
    );
  const setItem = (s: Subject, key: string, v: Draft[string]) =>
    setDrafts({ ...drafts, [s.id]: { ...draftOf(s), [key]: { ...draftOf(s)[key], ...v } } });
  const save = async (s: Subject) => {
    const d = draftOf(s);
    const entry: PendingEntry = {
      subjectId: s.id,
      items: items
        .filter((i) => (i.kind === 'pass_fail' ? typeof d[i.key]?.passed === 'boolean' : typeof d[i.key]?.score === 'number'))
        .map((i) =>
          i.kind === 'pass_fail'
            ? { itemKey: i.key, passed: d[i.key].passed, reason: d[i.key].reason ?? null }
            : { itemKey: i.key, score: d[i.key].score },
        ),
    };
    if (entry.items.length === 0) return;
    scoreQueue.add(scoreKey(id, s.id), { assessmentId: id, entry });
    setPending(waiting(id));
    await flush();
    if (waiting(id) === 0) void message.success(t('scoreSaved'));
  };
  return (
    <section style={{ maxWidth: 720 }}>
      <Typography.Title level={1} style={{ fontSize: 20 }}>
        {t('scoringTitle', { title: round.title })}
      </Typography.Title>
      <Space wrap style={{ marginBottom: 12 }}>
        <a href={`#/assessments/${id}`}>{t('backToRound')}</a>
        {pending > 0 ? <Tone tone="orange">{t('pendingScores', { n: pending })}</Tone> : <Tone tone="green">{t('scoresAllSent')}</Tone>}
      </Space>
      {round.blind && <Alert type="info" showIcon title={t('blindNote')} style={{ marginBottom: 12 }} />}
      {subjects.map((s) => (
        <Card
          key={s.id}
          size="small"
          style={{ marginBottom: 12 }}
          title={s.members?.length ? `${s.name}（${s.members.join('、')}）` : s.name}
        >
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Space wrap>
              {s.ref !== s.name && <Typography.Text type="secondary">{s.ref}</Typography.Text>}
              {s.stratum && <Tag>{s.stratum}</Tag>}
              {s.mode && <Tag>{t(`mode.${s.mode}`)}</Tag>}
            </Space>
            {items.map((i) => {
              const d = draftOf(s)[i.key] ?? {};
              return (
                <div key={i.key}>
                  <div>{i.name}</div>
                  {i.kind === 'pass_fail' ? (
                    <>
                      <Radio.Group
                        aria-label={i.name}
                        optionType="button"
                        value={d.passed === undefined ? undefined : d.passed ? 'pass' : 'fail'}
                        onChange={(e) => setItem(s, i.key, { passed: e.target.value === 'pass' })}
                        options={[
                          { value: 'pass', label: t('outcome.pass') },
                          { value: 'fail', label: t('outcome.fail') },
                        ]}
                      />
                      {d.passed === false && (
                        <Input
                          aria-label={`${i.name} ${t('failReason')}`}
                          placeholder={t('failReason')}
                          value={d.reason ?? ''}
                          onChange={(e) => setItem(s, i.key, { reason: e.target.value })}
                          style={{ marginTop: 6 }}
                        />
                      )}
                    </>
                  ) : (
                    <InputNumber
                      aria-label={i.name}
                      min={0}
                      max={i.max}
                      inputMode="decimal"
                      value={d.score ?? null}
                      onChange={(v) => setItem(s, i.key, { score: typeof v === 'number' ? v : null })}
                      addonAfter={`/ ${i.max}`}
                      style={{ width: 160 }}
                    />
                  )}
                </div>
              );
            })}
            <Button type="primary" size="large" block onClick={() => void save(s)}>
              {t('saveScore')}
            </Button>
          </Space>
        </Card>
      ))}
      {next && <Button onClick={() => void loadPage(next, round.assignment !== 'panel')}>{t('loadMoreSubjects')}</Button>}
    </section>
  );
}
