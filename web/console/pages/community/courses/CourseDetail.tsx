import { Button, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { client, hrefOf, type Schemas } from '../../../../shared/client';
import { organiserAndVenue } from '../../../../shared/venue';
import { ActivityDemand } from './ActivityDemand';
import { CertificatesCard } from './CertificatesCard';
import { useCourseMessages } from './messages';
import { ReportCard } from './ReportCard';
import { RosterCard } from './RosterCard';
import { SessionsCard } from './SessionsCard';

type Course = Schemas['Course'];
type Report = Schemas['CourseReport'];

/** One course as the service centre runs it: roster and wait-list, sessions with their roll, certificates, the report. */
export function CourseDetail({ id }: { id: number }) {
  const t = useCourseMessages();
  const [course, setCourse] = useState<Course | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const [demand, setDemand] = useState(false);
  const load = useCallback(() => {
    void client.GET('/courses/{id}', { path: { id } }).then(setCourse);
    void client.GET('/courses/{id}/report', { path: { id } }).then(setReport);
  }, [id]);
  useEffect(() => load(), [load]);
  if (!course) return null;
  return (
    <section>
      <a href="#/courses" className="no-print">
        {t('back')}
      </a>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {course.title}
      </Typography.Title>
      <Space wrap style={{ marginBottom: 12 }}>
        <Tag>{t(`audience.${course.audience}`)}</Tag>
        {course.track && <Tag>{course.track}</Tag>}
        <span>
          {organiserAndVenue(course.organiser, course.venue)} · {course.region} ·{' '}
          {course.feeYuan > 0 ? t('fee', { n: course.feeYuan }) : t('free')}
        </span>
      </Space>
      <Space wrap style={{ marginBottom: 16 }} className="no-print">
        <Button href={hrefOf('/courses/{id}/enrolments.xlsx', { path: { id: course.id } })} data-action="download_roster">
          {t('downloadRoster')}
        </Button>
        <Button onClick={() => window.print()}>{t('printQr')}</Button>
        <Button data-action="record_demand" onClick={() => setDemand(true)}>
          {t('recordDemand')}
        </Button>
      </Space>
      <RosterCard course={course} onChange={load} />
      <SessionsCard course={course} onChange={load} />
      {report && <CertificatesCard course={course} report={report} onChange={load} />}
      {report && <ReportCard report={report} />}
      {demand && (
        <ActivityDemand
          course={course}
          onClose={() => setDemand(false)}
          onDone={() => {
            setDemand(false);
            load();
          }}
        />
      )}
    </section>
  );
}
