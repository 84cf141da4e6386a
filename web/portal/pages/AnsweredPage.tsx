import { useEffect, useState } from 'react';
import { api, type Category, type Lang, type Region } from '../../shared/api';
import { formatTime } from '../../shared/i18n';
import type { T } from '../app-context';
import { ListState, loadFailure } from './ListState';

type Item = {
  number: string;
  title: string;
  content: string;
  region: string;
  category: string | null;
  unit: string | null;
  replyText: string | null;
  repliedAt: string | null;
};

export function AnsweredPage({ t, lang, regions }: { t: T; lang: Lang; regions: Region[] }) {
  const [regionId, setRegionId] = useState('');
  const [categoryId, setCategoryId] = useState('');
  const [categories, setCategories] = useState<Category[]>([]);
  const [items, setItems] = useState<Item[]>([]);
  // Keyset paging: each "more" continues from where the last page ended.
  const [after, setAfter] = useState('');
  const [next, setNext] = useState<string | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  useEffect(() => {
    api<{ items: Category[] }>('GET', '/categories').then(
      (r) => setCategories(r.items.filter((c) => c.level === 1)),
      () => setCategories([]),
    );
  }, []);
  useEffect(() => {
    const q = new URLSearchParams({ pageSize: '20' });
    if (regionId) q.set('regionId', regionId);
    if (categoryId) q.set('categoryId', categoryId);
    if (after) q.set('after', after);
    api<{ items: Item[]; nextCursor: string | null }>('GET', `/public/demands?${q}`).then(
      (r) => {
        setItems((prev) => (after ? [...prev, ...r.items] : r.items));
        setNext(r.nextCursor);
        setFailed(null);
      },
      (e: unknown) => setFailed(loadFailure(e, t)),
    );
  }, [regionId, categoryId, after, t]);

  return (
    <section aria-labelledby="answered-title">
      <h2 id="answered-title">{t('answeredTitle')}</h2>
      <div className="row">
        <div>
          <label htmlFor="f-region">{t('township')}</label>
          <select
            id="f-region"
            value={regionId}
            onChange={(e) => {
              setAfter('');
              setRegionId(e.target.value);
            }}
          >
            <option value="">{t('allTownships')}</option>
            {regions
              .filter((r) => r.level === 'township')
              .map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name}
                </option>
              ))}
          </select>
        </div>
        <div>
          <label htmlFor="f-category">{t('category')}</label>
          <select
            id="f-category"
            value={categoryId}
            onChange={(e) => {
              setAfter('');
              setCategoryId(e.target.value);
            }}
          >
            <option value="">{t('allCategories')}</option>
            {categories.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
      </div>
      <ListState t={t} failed={failed} empty={items.length === 0} />
      {items.map((d) => (
        <article className="card" key={d.number}>
          <h3 className="pre">{d.title}</h3>
          <div className="meta">
            {d.region}
            {d.category ? ` · ${d.category}` : ''}
            {d.unit ? ` · ${d.unit}` : ''}
          </div>
          <p className="pre">{d.content}</p>
          {d.replyText && (
            <div className="reply">
              <strong>{t('reply')}</strong> <span className="meta">{formatTime(d.repliedAt, lang)}</span>
              <div className="pre">{d.replyText}</div>
            </div>
          )}
        </article>
      ))}
      {next && (
        <button type="button" className="secondary primary-action" onClick={() => setAfter(next)}>
          {t('more')}
        </button>
      )}
    </section>
  );
}
