import { Button, Card, Image, List, Space, Table, Tag, Typography } from 'antd';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { api } from '../../../shared/api';
import type { Schemas } from '../../../shared/client';
import { formatTime } from '../../../shared/i18n';
import { organiserAndVenue, venueWithout } from '../../../shared/venue';
import { useApp } from '../../app-context';
import { Tone } from '../../tone';

type CourseRow = Schemas['CourseRow'];
type Course = Schemas['Course'];
type Report = Schemas['CourseReport'];

/** 课程培训: courses by venue; a course's sessions with the QR to print for the door, enrolment and attendance by township. */
export function CoursesPage({ id }: { id?: number }) {
  const { t, lang } = useApp();
  const [rows, setRows] = useState<CourseRow[]>([]);
  const [course, setCourse] = useState<Course | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const [qr, setQr] = useState<Record<number, string>>({});
  useEffect(() => {
    if (!id) {
      void api<{ items: CourseRow[] }>('GET', '/courses').then((r) => setRows(r.items));
      return;
    }
    void api<Course>('GET', `/courses/${id}`).then(async (c) => {
      setCourse(c);
      const codes: Record<number, string> = {};
      for (const s of c.sessions) {
        if (s.checkinCode) codes[s.id] = await QRCode.toDataURL(`${location.origin}/#/checkin/${s.checkinCode}`, { margin: 1, width: 180 });
      }
      setQr(codes);
    });
    void api<Report>('GET', `/courses/${id}/report`).then(setReport);
  }, [id]);
  if (!id) {
    return (
      <section>
        <Typography.Title level={1} style={{ fontSize: 22 }}>
          {t('menuCourses')}
        </Typography.Title>
        <Table
          size="small"
          rowKey="id"
          dataSource={rows}
          pagination={{ pageSize: 30 }}
          scroll={{ x: 640 }}
          columns={[
            { title: t('courseTitle'), render: (_, r) => <a href={`#/courses/${r.id}`}>{r.title}</a> },
            // The organiser has its own column: the venue without its name again.
            { title: t('venue'), render: (_, r) => venueWithout(r.organiser, r.venue) },
            { title: t('courseOrganiser'), dataIndex: 'organiser' },
            { title: t('audience'), render: (_, r) => t(`audience.${r.audience}`) },
            { title: t('places'), render: (_, r) => t('placesLine', { enrolled: r.enrolled, capacity: r.capacity }) },
          ]}
        />
      </section>
    );
  }
  if (!course) return null;
  return (
    <section>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {course.title}
      </Typography.Title>
      <Space wrap style={{ marginBottom: 12 }} className="no-print">
        <Tag>{t(`audience.${course.audience}`)}</Tag>
        <span>{organiserAndVenue(course.organiser, course.venue)}</span>
        <Button onClick={() => window.print()}>{t('printQr')}</Button>
      </Space>
      {report && (
        <Card title={t('courseReport')} style={{ marginBottom: 16 }}>
          <p>{t('courseCounts', report.counts)}</p>
          {report.feedback.responses > 0 && (
            <p>{t('courseRating', { n: report.feedback.responses, mean: report.feedback.meanRating ?? '—' })}</p>
          )}
          {report.townships.length > 0 && (
            <>
              {report.absentTownships.length > 0 && (
                <p>
                  <Tone tone="red">{t('absentTownships')}</Tone>
                  {report.absentTownships.join('、')}
                </p>
              )}
              <Table
                size="small"
                rowKey="regionId"
                pagination={false}
                scroll={{ x: 560 }}
                dataSource={report.townships}
                columns={[
                  { title: t('townshipName'), dataIndex: 'township' },
                  { title: t('quotaSeats'), dataIndex: 'seats', width: 70 },
                  { title: t('enrolledN'), dataIndex: 'enrolled', width: 70 },
                  { title: t('attendedBySession'), render: (_, r) => r.attendedBySession.join(' / ') },
                ]}
              />
            </>
          )}
        </Card>
      )}
      <Card title={t('sessionsAndQr')}>
        <List
          grid={{ gutter: 12, xs: 1, sm: 2, md: 3 }}
          dataSource={course.sessions}
          renderItem={(s) => (
            <List.Item>
              <Card size="small" title={s.topic}>
                <div>{formatTime(s.startsAt, lang)}</div>
                <div>{s.place}</div>
                {qr[s.id] && <Image src={qr[s.id]} alt={t('qrFor', { topic: s.topic })} width={160} preview={false} />}
              </Card>
            </List.Item>
          )}
        />
      </Card>
    </section>
  );
}
