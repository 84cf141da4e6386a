import { Button, Card, Table, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { client, type Schemas } from '../../../../shared/client';
import { venueWithout } from '../../../../shared/venue';
import { useApp } from '../../../app-context';
import { CourseForm } from './CourseForm';
import { useCourseMessages } from './messages';
import { PlansCard } from './PlansCard';
import { Scroll } from './shared';

type CourseRow = Schemas['CourseRow'];
type Plan = Schemas['TrainingPlanRow'];

/** 课程培训: the year's plans awaiting review, then every course by venue with its places taken. */
export function CourseList() {
  const { t: app } = useApp();
  const t = useCourseMessages();
  const [rows, setRows] = useState<CourseRow[]>([]);
  const [plans, setPlans] = useState<Plan[]>([]);
  const [adding, setAdding] = useState(false);
  const load = useCallback(() => {
    void client.GET('/courses').then((r) => setRows(r.items));
    void client.GET('/training-plans').then((r) => setPlans(r.items));
  }, []);
  useEffect(() => load(), [load]);
  return (
    <section>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {app('menuCourses')}
      </Typography.Title>
      <PlansCard year={new Date().getFullYear()} onChange={load} />
      <Card
        title={t('courses')}
        extra={
          <Button type="primary" data-action="new_course" onClick={() => setAdding(true)}>
            {t('newCourse')}
          </Button>
        }
      >
        <Scroll label={t('courses')}>
          <Table
            size="small"
            rowKey="id"
            dataSource={rows}
            pagination={{ pageSize: 30 }}
            columns={[
              { title: t('courseTitle'), render: (_, r) => <a href={`#/courses/${r.id}`}>{r.title}</a> },
              // The organiser has its own column: the venue without its name again.
              { title: t('venue'), render: (_, r) => venueWithout(r.organiser, r.venue) },
              { title: t('organiser'), dataIndex: 'organiser' },
              { title: t('audience'), render: (_, r) => t(`audience.${r.audience}`) },
              { title: t('capacity'), render: (_, r) => t('seatsUsed', { n: r.enrolled, capacity: r.capacity }) },
            ]}
          />
        </Scroll>
      </Card>
      <CourseForm open={adding} plans={plans} onClose={() => setAdding(false)} />
    </section>
  );
}
