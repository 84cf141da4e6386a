import { Button, Card, Collapse, message, Popconfirm, Table, Typography } from 'antd';
import { useState } from 'react';
import { client, type Schemas } from '../../../../shared/client';
import { DeskEnrol } from './DeskEnrol';
import { useCourseMessages } from './messages';
import { emptyText, errorText, Scroll } from './shared';

type Course = Schemas['Course'];
type Enrolment = Course['enrolments'][number];

/** 报名名单: places taken of the capacity, the wait-list in its order, desk enrolment and cancellation. */
export function RosterCard({ course, onChange }: { course: Course; onChange: () => void }) {
  const t = useCourseMessages();
  const [enrolling, setEnrolling] = useState(false);
  const enrolled = course.enrolments.filter((e) => e.state === 'enrolled');
  const waiting = course.enrolments.filter((e) => e.state === 'waitlisted');
  const cancelled = course.enrolments.filter((e) => e.state === 'cancelled');
  const nameOf = (id: number | null) => course.enrolments.find((e) => e.id === id)?.name;
  const cancel = async (e: Enrolment) => {
    try {
      const r = await client.POST('/enrolments/{id}/cancel', { path: { id: e.id } });
      const promoted = r.promoted ? t('promoted', { name: nameOf(r.promoted) ?? '' }) : '';
      message.success(t('cancelled', { name: e.name }) + promoted);
      onChange();
    } catch (err) {
      message.error(errorText(err));
    }
  };
  const cancelButton = (e: Enrolment) =>
    e.actions.includes('cancel') && (
      <Popconfirm title={t('cancelConfirm', { name: e.name })} okText={t('cancelYes')} cancelText={t('keep')} onConfirm={() => cancel(e)}>
        <Button size="small" data-action="cancel" aria-label={`${t('cancelEnrolment')} ${e.name}`}>
          {t('cancelEnrolment')}
        </Button>
      </Popconfirm>
    );
  const people = [
    { title: t('name'), dataIndex: 'name' },
    { title: t('phone'), dataIndex: 'phone' },
    { title: t('township'), render: (_: unknown, e: Enrolment) => e.township ?? '—' },
    { title: t('channel'), render: (_: unknown, e: Enrolment) => t(`channel.${e.channel}`) },
  ];
  return (
    <Card
      title={t('roster')}
      style={{ marginBottom: 16 }}
      extra={
        <Button type="primary" data-action="enrol" onClick={() => setEnrolling(true)}>
          {t('deskEnrol')}
        </Button>
      }
    >
      <Typography.Paragraph strong data-testid="seats">
        {t('seatsUsed', { n: enrolled.length, capacity: course.capacity })}
        {waiting.length > 0 && t('seatsWaiting', { n: waiting.length })}
      </Typography.Paragraph>
      <Scroll label={t('roster')}>
        <Table
          size="small"
          rowKey="id"
          data-testid="enrolled"
          dataSource={enrolled}
          pagination={false}
          locale={emptyText(t('noOne'))}
          columns={[...people, { title: '', render: (_, e) => cancelButton(e) }]}
        />
      </Scroll>
      <Typography.Title level={2} style={{ fontSize: 16, marginTop: 16 }}>
        {t('waitlist')}
      </Typography.Title>
      <Scroll label={t('waitlist')}>
        <Table
          size="small"
          rowKey="id"
          data-testid="waitlist"
          dataSource={waiting}
          pagination={false}
          locale={emptyText(t('noOne'))}
          columns={[
            { title: t('position'), render: (_, e) => t('positionN', { n: e.waitlistPosition ?? '' }) },
            ...people,
            { title: '', render: (_, e) => cancelButton(e) },
          ]}
        />
      </Scroll>
      {cancelled.length > 0 && (
        <Collapse
          ghost
          style={{ marginTop: 8 }}
          items={[
            {
              key: 'cancelled',
              label: t('cancelledList', { n: cancelled.length }),
              children: cancelled.map((e) => `${e.name}（${e.phone}）`).join('、'),
            },
          ]}
        />
      )}
      {enrolling && (
        <DeskEnrol
          course={course}
          onClose={() => setEnrolling(false)}
          onDone={() => {
            setEnrolling(false);
            onChange();
          }}
        />
      )}
    </Card>
  );
}
