import { useEffect, useState } from 'react';
import type { Lang } from '../../shared/api';
import { type Answer, type Category, client, type Region } from '../../shared/client';
import { formatTime } from '../../shared/i18n';
import type { T } from '../app-context';
import { ListState, loadFailure } from './ListState';

type Item = Answer<'/public/demands', 'get'>['items'][number];

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
    client.GET('/categories').then(
      (r) => setCategories(r.items.filter((c) => c.level === 1)),
      () => setCategories([]),
    );
  }, []);
  useEffect(() => {
    // An empty filter is left out of the query: the client sends no empty value.
    const query = {
      pageSize: 20,
      regionId: regionId ? Number(regionId) : undefined,
      categoryId: categoryId ? Number(categoryId) : undefined,
      after: after || undefined,
    };
    client.GET('/public/demands', { query }).then(
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
