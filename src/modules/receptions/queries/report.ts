import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { AppError } from '../../../lib/errors.js';
import { redact } from '../../../lib/redact.js';
import { demandsAsRaised, openStates } from '../../demands/index.js';
import { regionOf } from '../../regions/index.js';
import { receptionDays, receptionEntries } from '../tables.js';

export type ReceptionReport = {
  session: {
    id: number;
    title: string;
    regionId: number;
    region: string;
    hosts: string;
    place: string;
    startsAt: string;
    endsAt: string;
    published: boolean;
  };
  items: {
    demandId: number | null;
    number: string;
    title: string;
    content: string;
    state: string;
    /** Still being worked on (not closed, declined, withdrawn or merged): the session is followed up until none is. */
    open: boolean;
    unit: string | null;
    replyText: string | null;
  }[];
  counts: { raised: number; answered: number; closed: number; open: number };
  /** Every item raised has reached its end: nothing left to follow up. */
  allClosed: boolean;
};

/** What was raised at a session, who owns each item and where it stands. Public copies carry no names or phones. */
export async function receptionReport(db: Db, id: number, opts: { publicView: boolean }): Promise<ReceptionReport> {
  const [s] = await db
    .select({ r: receptionDays, region: regionOf(receptionDays.regionId).name })
    .from(receptionDays)
    .where(eq(receptionDays.id, id));
  if (!s || (opts.publicView && !s.r.reportPublishedAt)) throw new AppError('not_found');
  const entries = await db
    .select({ demandId: receptionEntries.demandId })
    .from(receptionEntries)
    .where(eq(receptionEntries.receptionDayId, id));
  const rows = await demandsAsRaised(
    db,
    entries.map((e) => e.demandId),
  );
  const items = rows.map(({ unit, ...d }) => {
    const clean = (t: string) => (opts.publicView ? redact(t, { names: [d.reporterName] }) : t);
    return {
      // The public copy links nowhere: a demand's id is for staff.
      demandId: opts.publicView ? null : d.id,
      number: d.number,
      title: clean(d.title),
      content: clean(d.content),
      state: d.state,
      open: openStates.includes(d.state),
      unit,
      replyText: d.replyText === null ? null : clean(d.replyText),
    };
  });
  const open = items.filter((i) => i.open).length;
  return {
    session: {
      id: s.r.id,
      title: opts.publicView ? redact(s.r.title) : s.r.title,
      regionId: s.r.regionId,
      region: s.region,
      hosts: opts.publicView ? redact(s.r.hosts) : s.r.hosts,
      place: opts.publicView ? redact(s.r.place) : s.r.place,
      startsAt: s.r.startsAt.toISOString(),
      endsAt: s.r.endsAt.toISOString(),
      published: !!s.r.reportPublishedAt,
    },
    items,
    counts: {
      raised: items.length,
      answered: items.filter((i) => ['replied', 'callback_done', 'closed'].includes(i.state)).length,
      closed: items.filter((i) => i.state === 'closed').length,
      open,
    },
    allClosed: items.length > 0 && open === 0,
  };
}
