import { useCallback, useEffect, useState } from 'react';
import type { Lang } from '../../shared/api';
import { client, type Region, type Schemas } from '../../shared/client';
import { formatTime } from '../../shared/i18n';
import { organiserAndVenue } from '../../shared/venue';
import type { T } from '../app-context';
import { ListState, loadFailure } from './ListState';
import { PhoneCode } from './PhoneCode';
import { keepEnrolmentReceipt } from './receipts';

type Course = Schemas['PublicCourse'];
type Receipt = Schemas['PublicEnrolmentReceipt'];

/** 课程培训 on the portal: what is on, where and when, places left; enrolment with a phone code, a wait-list when full. */
export function CoursesPage({ t, lang, regions }: { t: T; lang: Lang; regions: Region[] }) {
  const [courses, setCourses] = useState<Course[]>([]);
  const [open, setOpen] = useState<number | null>(null);
  const [name, setName] = useState('');
  const [townshipId, setTownshipId] = useState<number | null>(null);
  const [done, setDone] = useState<Record<number, Receipt>>({});
  const [failed, setFailed] = useState<string | null>(null);
  const load = useCallback(
    () =>
      client.GET('/public/courses').then(
        (r) => {
          setCourses(r.items);
          setFailed(null);
        },
        (e: unknown) => setFailed(loadFailure(e, t)),
      ),
    [t],
  );
  useEffect(() => {
    void load();
  }, [load]);
  const townships = regions.filter((r) => r.level === 'township');
  return (
    <section aria-labelledby="courses-title">
      <h2 id="courses-title">{t('coursesTitle')}</h2>
      <p className="hint">{t('coursesHint')}</p>
      <ListState t={t} failed={failed} empty={courses.length === 0} />
      {courses.map((c) => {
        const full = c.enrolled >= c.capacity;
        const receipt = done[c.id];
        return (
          <article className="card" key={c.id}>
            <h3>{c.title}</h3>
            <div className="meta">{organiserAndVenue(c.organiser, c.venue)}</div>
            <div>
              {t('courseSeats', { enrolled: c.enrolled, capacity: c.capacity })}
              {c.waitlisted > 0 && ` · ${t('courseWaiting', { n: c.waitlisted })}`} ·{' '}
              {c.feeYuan ? t('courseFee', { fee: c.feeYuan }) : t('courseFree')}
            </div>
            {c.description && <p className="pre">{c.description}</p>}
            <details>
              <summary>{t('courseSessions')}</summary>
              <ul>
                {c.sessions.map((s) => (
                  <li key={s.id}>
                    {formatTime(s.startsAt, lang)} {s.topic} · {s.place}
                  </li>
                ))}
              </ul>
            </details>
            {receipt ? (
              <p role="status" className="notice">
                {receipt.state === 'enrolled' ? t('enrolled') : t('waitlisted', { n: receipt.waitlistPosition ?? 1 })}
              </p>
            ) : c.audience === 'invited' ? (
              <p className="meta">{t('courseInvited')}</p>
            ) : open === c.id ? (
              <div>
                <label htmlFor="enrol-name">{t('learnerName')}</label>
                <input id="enrol-name" value={name} onChange={(e) => setName(e.target.value)} autoComplete="name" required />
                <label htmlFor="enrol-township">{t('township')}</label>
                <select
                  id="enrol-township"
                  value={townshipId ?? ''}
                  onChange={(e) => setTownshipId(e.target.value ? Number(e.target.value) : null)}
                >
                  <option value="">{t('choose')}</option>
                  {townships.map((r) => (
                    <option key={r.id} value={r.id}>
                      {r.name}
                    </option>
                  ))}
                </select>
                <PhoneCode
                  t={t}
                  onReady={async (phone, code) => {
                    const r = await client.POST('/public/courses/{id}/enrolments', {
                      path: { id: c.id },
                      body: { name, phone, code, regionId: townshipId },
                    });
                    // Kept on this phone: at the door it proves the enrolment without another code.
                    keepEnrolmentReceipt(c.id, r.token);
                    setDone({ ...done, [c.id]: r });
                    setOpen(null);
                    void load();
                  }}
                />
              </div>
            ) : (
              <button type="button" className="primary-action" onClick={() => setOpen(c.id)}>
                {full ? t('enrolFull') : t('enrolButton')}
              </button>
            )}
          </article>
        );
      })}
    </section>
  );
}
