import { useEffect, useMemo, useState } from 'react';
import type { Lang } from '../../shared/api';
import { type Answer, client, type Region, type Schemas } from '../../shared/client';
import { formatTime } from '../../shared/i18n';
import type { T } from '../app-context';
import { councilWord } from './council-words';
import { ListState, loadFailure } from './ListState';
import { keepReceipt, MySubmissions } from './MySubmissions';
import { PhoneCode } from './PhoneCode';
import { UpcomingMeetings } from './UpcomingMeetings';

type Notice = Schemas['CouncilNotice'];
type Proposal = Answer<'/public/proposals', 'get'>['items'][number];

export function CommunityPage({ t, lang, regions }: { t: T; lang: Lang; regions: Region[] }) {
  const [communityId, setCommunityId] = useState<number | null>(null);
  const [notices, setNotices] = useState<Notice[]>([]);
  const [proposals, setProposals] = useState<Proposal[]>([]);
  const [acting, setActing] = useState<{ kind: 'second'; id: number } | { kind: 'propose' } | null>(null);
  const [draft, setDraft] = useState({ title: '', body: '' });
  const [comment, setComment] = useState<Record<number, string>>({});
  const [sent, setSent] = useState(0);
  const communities = useMemo(() => regions.filter((r) => r.level === 'community'), [regions]);
  const [failed, setFailed] = useState<string | null>(null);
  const load = async (id: number) => {
    try {
      setNotices((await client.GET('/public/notices', { query: { regionId: id } })).items);
      setProposals((await client.GET('/public/proposals', { query: { regionId: id } })).items);
      setFailed(null);
    } catch (e) {
      setFailed(loadFailure(e, t));
    }
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: `load` is remade each render; the community is what changes
  useEffect(() => {
    if (communityId) void load(communityId);
  }, [communityId]);
  return (
    <section aria-labelledby="community-title">
      <h2 id="community-title">{t('communityTitle')}</h2>
      <MySubmissions t={t} version={sent} />
      <label htmlFor="community-pick">{t('community')}</label>
      <select id="community-pick" value={communityId ?? ''} onChange={(e) => setCommunityId(Number(e.target.value) || null)}>
        <option value="">{t('choose')}</option>
        {communities.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
      {communityId && (
        <>
          <UpcomingMeetings lang={lang} regionId={communityId} />
          <h3>{t('noticesTitle')}</h3>
          <ListState t={t} failed={failed} empty={notices.length === 0} />
          {notices.map((n) => (
            <article className="card" key={n.id}>
              <div className="meta">
                {n.council} · {n.meeting} · {formatTime(n.meetingDate, lang)}
              </div>
              <p className="pre">
                <strong>{n.text}</strong>
              </p>
              {n.progress.total > 0 && (
                <div className="meta" data-testid={`progress-${n.id}`}>
                  {councilWord(lang, 'progress', n.progress)}
                </div>
              )}
              <ul>
                {n.actionItems.map((a, i) => (
                  <li key={i}>
                    {a.title}（{councilWord(lang, 'owner', { owner: a.owner, due: a.dueOn })}）— {councilWord(lang, `state.${a.status}`)}
                    {a.supervised && ` · ${councilWord(lang, 'supervised')}`}
                  </li>
                ))}
              </ul>
              <div className="meta">{n.open ? t('noticeOpen', { d: n.noticeUntil }) : t('noticeOver')}</div>
              {n.comments.map((c, i) => (
                <p key={i} className="pre">
                  💬 {c.name ?? t('resident')}：{c.body}
                </p>
              ))}
              {n.open && (
                <form
                  onSubmit={async (e) => {
                    e.preventDefault();
                    const body = comment[n.id];
                    const r = await client.POST('/public/resolutions/{id}/comments', { path: { id: n.id }, body: { body } });
                    keepReceipt({ kind: 'notice_comment', id: r.id, token: r.authorToken, text: body.slice(0, 30) });
                    setSent(sent + 1);
                    setComment({ ...comment, [n.id]: '' });
                    await load(communityId);
                  }}
                >
                  <label htmlFor={`c-${n.id}`}>{t('yourComment')}</label>
                  <textarea
                    id={`c-${n.id}`}
                    required
                    maxLength={2000}
                    value={comment[n.id] ?? ''}
                    onChange={(e) => setComment({ ...comment, [n.id]: e.target.value })}
                  />
                  <button type="submit">{t('sendComment')}</button>
                </form>
              )}
            </article>
          ))}
          <h3>{t('proposalsTitle')}</h3>
          {proposals.map((p) => (
            <article className="card" key={p.id}>
              <h4 className="pre">{p.title}</h4>
              <p className="pre">{p.body}</p>
              <div className="meta" data-testid={`seconds-${p.id}`}>
                {t('secondsCount', { n: p.seconds })} · {t(`pstatus.${p.status}` as 'pstatus.open')}
              </div>
              <button type="button" className="secondary" onClick={() => setActing({ kind: 'second', id: p.id })}>
                {t('second')}
              </button>
              {acting?.kind === 'second' && acting.id === p.id && (
                <PhoneCode
                  t={t}
                  onReady={async (phone, code) => {
                    await client.POST('/public/proposals/{id}/seconds', { path: { id: p.id }, body: { phone, code } });
                    setActing(null);
                    await load(communityId);
                  }}
                />
              )}
            </article>
          ))}
          <button type="button" onClick={() => setActing({ kind: 'propose' })}>
            {t('propose')}
          </button>
          {acting?.kind === 'propose' && (
            <div>
              <label htmlFor="p-title">{t('proposalTitle')}</label>
              <input id="p-title" maxLength={200} value={draft.title} onChange={(e) => setDraft({ ...draft, title: e.target.value })} />
              <label htmlFor="p-body">{t('proposalBody')}</label>
              <textarea id="p-body" maxLength={5000} value={draft.body} onChange={(e) => setDraft({ ...draft, body: e.target.value })} />
              <PhoneCode
                t={t}
                onReady={async (phone, code) => {
                  const r = await client.POST('/public/proposals', {
                    body: {
                      regionId: communityId,
                      ...draft,
                      phone,
                      code,
                    },
                  });
                  keepReceipt({ kind: 'proposal', id: r.id, token: r.authorToken, text: draft.title.slice(0, 30) });
                  setSent(sent + 1);
                  setActing(null);
                  setDraft({ title: '', body: '' });
                  await load(communityId);
                }}
              />
            </div>
          )}
        </>
      )}
    </section>
  );
}
