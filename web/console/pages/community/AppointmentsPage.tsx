import { Card, Col, List, Row, Statistic, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../../shared/api';
import type { Schemas } from '../../../shared/client';
import { useApp } from '../../app-context';
import { Tone, type ToneName } from '../../tone';
import { CoverageChart } from './CoverageChart';

type Programme = Schemas['AppointmentProgramme'];
type Appointee = Schemas['AppointeeRow'];
const stateTone = { met: 'green', on_track: 'blue', behind: 'orange', missed: 'red' } as const satisfies Record<
  Programme['targetStatus'][number]['state'],
  ToneName
>;

/** 产业村长 / 网格员: coverage against dated targets, as a chart; by township; the posts still to cover; who holds which post. */
export function AppointmentsPage({ id }: { id?: number }) {
  const { t } = useApp();
  const [list, setList] = useState<{ id: number; name: string; region: string }[]>([]);
  const [programme, setProgramme] = useState<Programme | null>(null);
  const [rows, setRows] = useState<Appointee[]>([]);
  useEffect(() => {
    if (id) {
      void api<Programme>('GET', `/appointment-programmes/${id}`).then(setProgramme);
      void api<{ items: Appointee[] }>('GET', `/appointment-programmes/${id}/appointees`).then((r) => setRows(r.items));
    } else
      void api<{ items: { id: number; name: string; region: string }[] }>('GET', '/appointment-programmes').then((r) => setList(r.items));
  }, [id]);
  if (!id) {
    return (
      <section>
        <Typography.Title level={1} style={{ fontSize: 22 }}>
          {t('menuAppointments')}
        </Typography.Title>
        <List
          dataSource={list}
          renderItem={(p) => (
            <List.Item>
              <a href={`#/appointments/${p.id}`}>{p.name}</a> · {p.region}
            </List.Item>
          )}
        />
      </section>
    );
  }
  if (!programme) return null;
  const c = programme.coverage;
  return (
    <section>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {programme.name} · {programme.region}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} md={8}>
          <Card>
            <Statistic title={t('coverageNow')} value={Math.round(c.share * 1000) / 10} suffix="%" />
            <div>{t('coverageCounts', { covered: c.covered, posts: c.posts })}</div>
            {programme.targetStatus.map((s) => (
              <div key={s.by} style={{ marginTop: 6 }}>
                <Tone tone={stateTone[s.state]}>{t(`target.${s.state}`)}</Tone>
                {t('targetLine', { by: s.by, share: s.share * 100, covered: s.covered, needed: s.needed })}
              </div>
            ))}
          </Card>
        </Col>
        <Col xs={24} md={16}>
          <Card>
            <CoverageChart title={t('coverageChart')} points={programme.monthly} targets={programme.targets} />
          </Card>
        </Col>
      </Row>
      <Card title={t('coverageByTownship')} style={{ marginTop: 16 }}>
        <Table
          size="small"
          rowKey="township"
          pagination={false}
          dataSource={c.byTownship}
          columns={[
            { title: t('townshipName'), dataIndex: 'township' },
            { title: t('posts'), dataIndex: 'posts', width: 80 },
            { title: t('covered'), dataIndex: 'covered', width: 80 },
            { title: t('coverageNow'), render: (_, r) => `${Math.round(r.share * 1000) / 10}%`, width: 100 },
          ]}
        />
      </Card>
      <Card title={t('uncoveredPosts', { n: c.uncovered.length })} style={{ marginTop: 16 }}>
        <p>{c.uncovered.map((u) => `${u.township} ${u.name}`).join('、') || '—'}</p>
      </Card>
      <Card title={t('appointees')} style={{ marginTop: 16 }}>
        <Table
          size="small"
          rowKey="id"
          pagination={{ pageSize: 30 }}
          scroll={{ x: 640 }}
          dataSource={rows}
          columns={[
            { title: t('post'), dataIndex: 'post' },
            { title: t('personName'), dataIndex: 'name' },
            { title: t('background'), dataIndex: 'background' },
            { title: t('appointeeState'), render: (_, r) => t(`appointee.${r.state}`) },
            { title: t('term'), render: (_, r) => (r.termStart ? `${r.termStart} – ${r.termEnd}` : '—') },
            { title: t('support'), render: (_, r) => r.supportName ?? '—' },
          ]}
        />
      </Card>
    </section>
  );
}
