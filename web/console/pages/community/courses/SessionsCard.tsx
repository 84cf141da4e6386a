import { Button, Card, Image, List, Space, Typography } from 'antd';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import type { Schemas } from '../../../../shared/client';
import { formatTime } from '../../../../shared/i18n';
import { useApp } from '../../../app-context';
import { useCourseMessages } from './messages';
import { RollCall } from './RollCall';

type Course = Schemas['Course'];
type Session = Course['sessions'][number];

/** 课次与点名: each session with the QR learners scan at the door (printable) and the roll to call. */
export function SessionsCard({ course, onChange }: { course: Course; onChange: () => void }) {
  const { lang } = useApp();
  const t = useCourseMessages();
  const [qr, setQr] = useState<Record<number, string>>({});
  const [calling, setCalling] = useState<Session | null>(null);
  useEffect(() => {
    void (async () => {
      const codes: Record<number, string> = {};
      for (const s of course.sessions) {
        // The portal's check-in page, served at the site's root beside the console.
        if (s.checkinCode) codes[s.id] = await QRCode.toDataURL(`${location.origin}/#/checkin/${s.checkinCode}`, { margin: 1, width: 180 });
      }
      setQr(codes);
    })();
  }, [course.sessions]);
  return (
    <Card title={t('sessionsAndRoll')} style={{ marginBottom: 16 }}>
      <List
        grid={{ gutter: 12, xs: 1, sm: 2, md: 3 }}
        dataSource={course.sessions}
        renderItem={(s) => (
          <List.Item>
            <Card size="small" title={s.topic} data-session={s.id}>
              <div>
                {formatTime(s.startsAt, lang)} – {formatTime(s.endsAt, lang)}
              </div>
              <div>
                {s.place} · {t(`kind.${s.kind}`)}
              </div>
              <Space wrap style={{ margin: '8px 0' }} className="no-print">
                <Typography.Text>{t('presentN', { n: s.attendees.length })}</Typography.Text>
                <Button size="small" data-action="roll_call" onClick={() => setCalling(s)}>
                  {t('rollCall')}
                </Button>
              </Space>
              {qr[s.id] && (
                <figure style={{ margin: 0 }}>
                  <Image src={qr[s.id]} alt={t('qrFor', { topic: s.topic })} width={160} preview={false} />
                  <figcaption>{t('qrHint')}</figcaption>
                </figure>
              )}
            </Card>
          </List.Item>
        )}
      />
      {calling && (
        <RollCall
          course={course}
          session={calling}
          onClose={() => setCalling(null)}
          onDone={() => {
            setCalling(null);
            onChange();
          }}
        />
      )}
    </Card>
  );
}
