// The right pane: one article, sanitised here before it touches the DOM, with its outlet, author, date, a link to
// the original (opened outside the app), tags (editable) and state-media labels (reviewable, highlighted in the
// text). Full text is shown by default when there is one, with a toggle back to what the feed carried.
import { useLayoutEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import type { Article, LabelKind } from './types.ts';
import { LabelForm } from './LabelForm.tsx';
import { RejectForm } from './RejectForm.tsx';
import { api } from './api-client.ts';
import { sanitizeArticle } from './sanitize.ts';
import { markAll } from './highlight.ts';
import { errorMessage, labelName, longDate, rejectReasonNames } from './format.ts';

interface Props {
  article: Article | null;
  loading: boolean;
  error: string | null;
  allowRemoteImages: boolean;
  onStar: () => void;
  onToggleRead: () => void;
  /** Tags or labels changed: reload the article and the counts. */
  onChanged: () => void;
}

export function Reader({ article, loading, error, allowRemoteImages, onStar, onToggleRead, onChanged }: Props) {
  const [showFeedText, setShowFeedText] = useState(false);
  const [newTag, setNewTag] = useState('');
  const [actionError, setActionError] = useState<string | null>(null);
  const [addingLabel, setAddingLabel] = useState(false);
  const [rejecting, setRejecting] = useState<number | null>(null);
  const body = useRef<HTMLDivElement>(null);
  const hasBoth = Boolean(article?.fullHtml && (article.content || article.summary));
  const html = article ? ((!showFeedText && article.fullHtml) || article.content || article.summary || '') : '';
  const safe = useMemo(() => sanitizeArticle(html, { allowRemoteImages }), [html, allowRemoteImages]);
  const labels = useMemo(() => article?.labels.filter((l) => l.review !== 'rejected') ?? [], [article]);

  useLayoutEffect(() => {
    if (!body.current) return;
    for (const l of labels) {
      markAll(body.current, l.evidence, 'label-evidence', `${labelName(l.kind)}: ${l.entity}`, 3);
      markAll(body.current, l.entity, 'label-entity', `${l.entity}: labelled ${labelName(l.kind)}`);
    }
  }, [safe, labels]);

  async function act(run: () => Promise<unknown>) {
    setActionError(null);
    try {
      await run();
      onChanged();
    } catch (err) {
      setActionError(errorMessage(err));
    }
  }

  function addTag(e: FormEvent) {
    e.preventDefault();
    const tag = newTag.trim();
    if (!tag || !article) return;
    setNewTag('');
    void act(() => api.call('tags.apply', { tag, ids: [article.id] }));
  }

  function addLabel(label: { kind: LabelKind; entity: string; note: string }) {
    if (!article) return;
    setAddingLabel(false);
    void act(() => api.call('labels.add', { articleId: article.id, kind: label.kind, entity: label.entity, ...(label.note ? { note: label.note } : {}) }));
  }

  if (error) return <article className="reader-pane"><p className="error-text" role="alert">{error}</p></article>;
  if (!article) {
    return (
      <article className="reader-pane">
        <p className="empty">{loading ? 'Loading…' : 'Select an article to read it here. j and k move through the list; ? lists every key.'}</p>
      </article>
    );
  }
  return (
    <article className="reader-pane" data-testid="reader" data-id={article.id} lang={article.lang ?? undefined}>
      <header className="reader-header">
        <div className="reader-source">
          <span className="feed-name">{article.feedTitle ?? article.feedUrl}</span>
          {article.outlet && (
            <span className="badge outlet" title={`${article.outlet.category}, ${article.outlet.country}. Source: ${article.outlet.source}`} data-testid="reader-outlet">
              {article.outlet.name} · {article.outlet.category}
            </span>
          )}
          {article.author && <span className="author">by {article.author}</span>}
          <time dateTime={article.published ?? article.seenAt}>{longDate(article.published ?? article.seenAt)}</time>
        </div>
        <h1 className="reader-title">{article.title ?? '(untitled)'}</h1>
        <div className="reader-actions">
          <button type="button" onClick={onStar} aria-pressed={article.isStarred} data-testid="star-button">{article.isStarred ? '★ Starred' : '☆ Star'}</button>
          <button type="button" onClick={onToggleRead} data-testid="read-button">{article.isRead ? 'Mark unread' : 'Mark read'}</button>
          {article.link && /^https?:/i.test(article.link) && (
            <a href={article.link} target="_blank" rel="noopener noreferrer" className="button-link" data-testid="original-link">Open original ↗</a>
          )}
          <button type="button" onClick={() => setAddingLabel((v) => !v)} aria-expanded={addingLabel} data-testid="add-label-button">+ Label</button>
          {hasBoth && (
            <button type="button" onClick={() => setShowFeedText((v) => !v)} data-testid="fulltext-toggle">{showFeedText ? 'Show full text' : 'Show feed text'}</button>
          )}
        </div>
        {article.labels.length > 0 && (
          <ul className="reader-labels" aria-label="State-media labels">
            {article.labels.map((l) => (
              <li key={l.id} className={`label-line review-${l.review}`} data-testid="reader-label">
                <span className={`badge label label-${l.kind}`}>{labelName(l.kind)}</span>
                <strong>{l.entity}</strong>
                {l.canonical !== l.entity && <span className="canonical" title="the entity's canonical name">({l.canonical})</span>}
                <span className="evidence" title={l.evidence}>{l.evidence}</span>
                <span className="review-state" data-testid="label-review">{l.origin === 'manual' ? `added by hand · ${l.review}` : l.review}
                  {l.rejectReason ? ` · ${rejectReasonNames[l.rejectReason]}` : ''}</span>
                <button type="button" disabled={l.review === 'confirmed'} onClick={() => void act(() => api.call('labels.review', { id: l.id, review: 'confirmed' }))}>Confirm</button>
                <button type="button" disabled={l.review === 'rejected'} aria-expanded={rejecting === l.id} onClick={() => setRejecting(rejecting === l.id ? null : l.id)}>Reject</button>
                {rejecting === l.id && (
                  <RejectForm onCancel={() => setRejecting(null)} onSubmit={(why) => {
                    setRejecting(null);
                    void act(() => api.call('labels.review', { id: l.id, review: 'rejected', reason: why.reason, ...(why.note ? { note: why.note } : {}) }));
                  }} />
                )}
              </li>
            ))}
          </ul>
        )}
        {addingLabel && <LabelForm onSubmit={addLabel} onCancel={() => setAddingLabel(false)} />}
        <div className="reader-badges">
          {article.tags.map((t) => (
            <span key={t.name} className="badge tag" title={t.byRule ? 'applied by a rule' : 'applied by hand'}>
              {t.name}
              <button type="button" className="chip-remove" aria-label={`Remove tag ${t.name}`}
                onClick={() => void act(() => api.call('tags.remove', { tag: t.name, ids: [article.id] }))}>×</button>
            </span>
          ))}
          <form className="tag-form" onSubmit={addTag}>
            <input type="text" value={newTag} onChange={(e) => setNewTag(e.target.value)} placeholder="+ tag" aria-label="Add a tag" data-testid="tag-input" />
          </form>
        </div>
        {actionError && <p className="error-text" role="alert">{actionError}</p>}
      </header>
      <div className="reader-body" data-testid="reader-body" ref={body} dangerouslySetInnerHTML={{ __html: safe }} />
    </article>
  );
}
