// The right pane: one article, sanitised here before it touches the DOM, with its outlet, author, date, a link to
// the original (opened outside the app), tags and labels. Full text is shown by default when there is one.
import { useMemo, useState } from 'react';
import type { Article } from './types.ts';
import { sanitizeArticle } from './sanitize.ts';
import { labelNames, longDate } from './format.ts';

interface Props {
  article: Article | null;
  loading: boolean;
  error: string | null;
  allowRemoteImages: boolean;
  onStar: () => void;
  onToggleRead: () => void;
}

export function Reader({ article, loading, error, allowRemoteImages, onStar, onToggleRead }: Props) {
  const [showFeedText, setShowFeedText] = useState(false);
  const hasBoth = Boolean(article?.fullHtml && (article.content || article.summary));
  const html = article ? ((!showFeedText && article.fullHtml) || article.content || article.summary || '') : '';
  const safe = useMemo(() => sanitizeArticle(html, { allowRemoteImages }), [html, allowRemoteImages]);

  if (error) return <article className="reader-pane"><p className="error-text" role="alert">{error}</p></article>;
  if (!article) {
    return (
      <article className="reader-pane">
        <p className="empty">{loading ? 'Loading…' : 'Select an article to read it here. j and k move through the list; ? lists every key.'}</p>
      </article>
    );
  }
  const labels = article.labels.filter((l) => l.review !== 'rejected');
  return (
    <article className="reader-pane" data-testid="reader" data-id={article.id} lang={article.lang ?? undefined}>
      <header className="reader-header">
        <div className="reader-source">
          <span className="feed-name">{article.feedTitle ?? article.feedUrl}</span>
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
          {hasBoth && (
            <button type="button" onClick={() => setShowFeedText((v) => !v)}>{showFeedText ? 'Show full text' : 'Show feed text'}</button>
          )}
        </div>
        {(article.tags.length > 0 || labels.length > 0) && (
          <div className="reader-badges">
            {labels.map((l) => (
              <span key={l.id} className={`badge label label-${l.kind}`} title={l.evidence} data-testid="reader-label">
                {l.entity}: {labelNames[l.kind] ?? l.kind}{l.review === 'confirmed' ? ' ✓' : ''}
              </span>
            ))}
            {article.tags.map((t) => <span key={t.name} className="badge tag" title={t.byRule ? 'applied by a rule' : 'applied by hand'}>{t.name}</span>)}
          </div>
        )}
      </header>
      <div className="reader-body" data-testid="reader-body" dangerouslySetInnerHTML={{ __html: safe }} />
    </article>
  );
}
