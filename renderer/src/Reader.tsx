// The right pane: one article, sanitised here before it touches the DOM, with its outlet, author, date, a link to
// the original (opened outside the app), tags (editable) and state-media labels (reviewable, highlighted in the
// text). Full text is shown by default when there is one, with a toggle back to what the feed carried.
import { useLayoutEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import type { Article, LabelKind } from './types.ts';
import { LabelForm } from './LabelForm.tsx';
import { OutletBadge } from './OutletBadge.tsx';
import { History } from './History.tsx';
import { FullTextStatus } from './FullTextStatus.tsx';
import { RejectForm } from './RejectForm.tsx';
import { api } from './api-client.ts';
import { sanitizeArticle } from './sanitize.ts';
import { markAll, markPattern, searchPattern } from './highlight.ts';
import { errorMessage, labelName, longDate, rejectReasonNames } from './format.ts';

interface Props {
  article: Article | null;
  loading: boolean;
  error: string | null;
  allowRemoteImages: boolean;
  /** The search the list shows, if any: its words are highlighted in the article. */
  searchQuery: string | null;
  onStar: () => void;
  onToggleRead: () => void;
  /** Tags or labels changed: reload the article and the counts. */
  onChanged: () => void;
}

export function Reader({ article, loading, error, allowRemoteImages, searchQuery, onStar, onToggleRead, onChanged }: Props) {
  const [showFeedText, setShowFeedText] = useState(false);
  const [newTag, setNewTag] = useState('');
  const [actionError, setActionError] = useState<string | null>(null);
  const [addingLabel, setAddingLabel] = useState(false);
  const [tab, setTab] = useState<'article' | 'history'>('article');
  const [rejecting, setRejecting] = useState<number | null>(null);
  const body = useRef<HTMLDivElement>(null);
  const hasBoth = Boolean(article?.fullHtml && (article.content || article.summary));
  const html = article ? ((!showFeedText && article.fullHtml) || article.content || article.summary || '') : '';
  const safe = useMemo(() => sanitizeArticle(html, { allowRemoteImages }), [html, allowRemoteImages]);
  const labels = useMemo(() => article?.labels.filter((l) => l.review !== 'rejected') ?? [], [article]);

  useLayoutEffect(() => {
    const root = body.current;
    if (!root || tab !== 'article') return;
    // The body is filled here rather than by React, so that a re-render never wipes the marks made below.
    root.innerHTML = safe;
    for (const l of labels) {
      // The footnote (evidence) and each mention of its entity link to each other: click one, land on the other.
      const footnotes = markAll(root, l.evidence, 'label-evidence', `${labelName(l.kind)}: ${l.entity}. Click to go back to the mention.`, 3);
      // The starred mention ("Taliban*") first, marked as such; then the bare ones.
      if (l.marker) markAll(root, `${l.entity}${l.marker}`, 'label-entity starred', `${l.entity}${l.marker}: the starred mention, labelled ${labelName(l.kind)}. Click for the footnote.`);
      markAll(root, l.entity, 'label-entity', `${l.entity}: labelled ${labelName(l.kind)}. Click for the footnote.`);
      const note = footnotes > 0 ? root.querySelector<HTMLElement>('mark.label-evidence:not([id])') : null;
      if (!note) continue;
      note.id = `footnote-${l.id}`;
      for (const m of root.querySelectorAll<HTMLElement>('mark.label-entity:not([data-footnote])')) {
        m.dataset['footnote'] = note.id;
        m.tabIndex = 0;
        m.setAttribute('role', 'link');
      }
    }
    const words = searchPattern(searchQuery);
    if (words) markPattern(root, words, 'search-hit');
    // A held-back or missing image is a neat placeholder with its alt text, never the browser's broken icon.
    for (const img of root.querySelectorAll<HTMLImageElement>('img')) {
      if (img.hasAttribute('data-blocked-src') || !img.getAttribute('src')) img.replaceWith(imagePlaceholder(img));
      else if (img.complete && img.naturalWidth === 0) img.replaceWith(imagePlaceholder(img));
      else img.addEventListener('error', () => img.replaceWith(imagePlaceholder(img)), { once: true });
    }
  }, [safe, labels, searchQuery, tab]);

  /** Mention → its footnote; footnote → back to the mention it came from (or the first one). */
  const lastMention = useRef<HTMLElement | null>(null);
  function follow(target: EventTarget | null) {
    const el = target instanceof HTMLElement ? target : null;
    const mention = el?.closest<HTMLElement>('mark.label-entity[data-footnote]');
    if (mention) {
      const note = body.current?.querySelector<HTMLElement>(`#${mention.dataset['footnote']}`);
      if (!note) return;
      lastMention.current = mention;
      jumpTo(note);
      return;
    }
    const note = el?.closest<HTMLElement>('mark.label-evidence[id]');
    if (note) {
      const back = lastMention.current?.isConnected ? lastMention.current : body.current?.querySelector<HTMLElement>(`mark.label-entity[data-footnote="${note.id}"]`);
      if (back) jumpTo(back);
    }
  }

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
          {article.outlet && <OutletBadge outlet={article.outlet} full testId="reader-outlet" />}
          {article.author && <span className="author">by {article.author}</span>}
          <time dateTime={article.published ?? article.seenAt}>{longDate(article.published ?? article.seenAt)}</time>
          {article.lang && <span className="lang" title="Language, told from the article's text" data-testid="reader-lang">{article.lang}</span>}
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
        <FullTextStatus articleId={article.id} onChanged={onChanged} />
        {actionError && <p className="error-text" role="alert">{actionError}</p>}
        <div className="reader-tabs" role="tablist">
          <button type="button" role="tab" aria-selected={tab === 'article'} onClick={() => setTab('article')}>Article</button>
          <button type="button" role="tab" aria-selected={tab === 'history'} onClick={() => setTab('history')} data-testid="history-tab">
            History{article.versions > 1 ? ` (${article.versions} versions)` : ''}{article.deletedAt ? ' · deleted' : ''}
          </button>
        </div>
      </header>
      {tab === 'history'
        ? <History key={article.id} articleId={article.id} deletedAt={article.deletedAt} deletedReason={article.deletedReason} />
        /* Filled by the layout effect above (sanitised HTML, then marks), so that React never wipes the marks. */
        : <div className="reader-body" data-testid="reader-body" ref={body} onClick={(e) => follow(e.target)}
          onKeyDown={(e) => { if (e.key === 'Enter') follow(e.target); }} />}
    </article>
  );
}

function jumpTo(el: HTMLElement) {
  el.scrollIntoView({ block: 'center' });
  el.classList.add('jumped');
  el.tabIndex = -1;
  el.focus({ preventScroll: true });
  window.setTimeout(() => el.classList.remove('jumped'), 1500);
}

function imagePlaceholder(img: HTMLImageElement): HTMLElement {
  const alt = img.getAttribute('alt')?.trim();
  const blocked = img.hasAttribute('data-blocked-src');
  const box = document.createElement('span');
  box.className = 'image-placeholder';
  box.setAttribute('role', 'img');
  box.textContent = alt && !alt.startsWith('image not loaded') ? alt : 'Image';
  box.setAttribute('aria-label', box.textContent);
  box.title = blocked ? 'Remote images are off (More → Remote images)' : 'The image could not be loaded';
  box.dataset['reason'] = blocked ? 'remote images are off' : 'not loaded';
  return box;
}
