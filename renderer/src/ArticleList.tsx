// The middle pane: a virtualised list (only the rows on screen exist in the DOM), so 100,000 articles scroll
// as smoothly as 100. Unread rows are bold; each shows title, outlet, date, tags and label badges.
import { useEffect, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { ArticleWindows } from './use-article-windows.ts';
import type { Row } from './types.ts';
import { labelName, shortDate, longDate } from './format.ts';
import { OutletBadge } from './OutletBadge.tsx';

export const ROW_HEIGHT = 64;
export const SNIPPET_ROW_HEIGHT = 86;

interface Props {
  windows: ArticleWindows;
  selectedIndex: number;
  onSelect: (index: number, row: Row) => void;
  emptyText: string;
  title: string;
  rowHeight: number;
  /** The language filter ('' for all), or null where it does not apply (a search: lang: says it there). */
  lang: string | null;
  onLang: (lang: string) => void;
}

// The languages state outlets publish in, offered by the list's language filter (any other is one lang: away).
const LANGUAGES = ['ar', 'az', 'be', 'bg', 'bn', 'cs', 'da', 'de', 'el', 'en', 'es', 'et', 'fa', 'fr', 'he', 'hi', 'hu', 'hy', 'id',
  'it', 'ja', 'ka', 'kk', 'ko', 'ky', 'lt', 'lv', 'nl', 'pl', 'pt', 'ro', 'ru', 'sr', 'sk', 'tg', 'tr', 'uk', 'ur', 'uz', 'vi', 'zh'];
const languageNames = new Intl.DisplayNames(['en'], { type: 'language' });
const byName = LANGUAGES.map((code) => ({ code, name: languageNames.of(code) ?? code })).sort((a, b) => a.name.localeCompare(b.name));

export function ArticleList({ windows, selectedIndex, onSelect, emptyText, title, rowHeight, lang, onLang }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const total = windows.total ?? 0;
  const virtualizer = useVirtualizer({ count: total, getScrollElement: () => scroller.current, estimateSize: () => rowHeight, overscan: 10 });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;

  useEffect(() => {
    if (total > 0) windows.ensure(first, last);
  }, [windows, first, last, total]);

  useEffect(() => {
    if (selectedIndex >= 0 && selectedIndex < total) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, total, virtualizer]);

  return (
    <section className="list-pane" aria-label="Articles">
      <header className="pane-header">
        <h2>{title}</h2>
        {lang !== null && (
          <select className="list-lang" value={lang} onChange={(e) => onLang(e.target.value)} aria-label="Language" title="Only articles in this language, told from their text" data-testid="list-lang">
            <option value="">All languages</option>
            {byName.map((l) => <option key={l.code} value={l.code}>{l.name}</option>)}
          </select>
        )}
        <span className="count" data-testid="list-total">{windows.total === null ? '…' : `${total.toLocaleString()} article${total === 1 ? '' : 's'}`}</span>
      </header>
      {windows.error && <p className="error-text" role="alert" data-testid="list-error">{windows.error}</p>}
      {windows.warnings.map((w) => <p key={w} className="warning-text" data-testid="search-warning">{w}</p>)}
      {windows.total === 0 && !windows.error && <p className="empty" data-testid="list-empty">{emptyText}</p>}
      <div className="list-scroller" ref={scroller} role="listbox" aria-label={title} tabIndex={-1} data-testid="article-list">
        <div className="list-inner" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const row = windows.rowAt(item.index);
            const selected = item.index === selectedIndex;
            return (
              <div
                key={item.key}
                className={`row${row && !row.isRead ? ' unread' : ''}${selected ? ' selected' : ''}`}
                style={{ transform: `translateY(${item.start}px)`, height: rowHeight }}
                role="option"
                aria-selected={selected}
                data-testid={row ? 'article-row' : 'article-row-loading'}
                data-id={row?.id}
                onClick={() => row && onSelect(item.index, row)}
              >
                {row ? <RowContent row={row} /> : <span className="loading">…</span>}
              </div>
            );
          })}
        </div>
      </div>
    </section>
  );
}

function RowContent({ row }: { row: Row }) {
  return (
    <>
      <div className="row-title">
        {row.isStarred && <span className="star" aria-label="starred">★</span>}
        {row.deletedAt && <span className="badge deleted" title={`Taken down: found ${longDate(row.deletedAt)}`} data-testid="row-deleted">deleted</span>}
        {!row.deletedAt && (row.versions ?? 1) > 1 && <span className="badge edited" title={`Edited: ${row.versions} versions`} data-testid="row-edited">edited</span>}
        <span className="title-text">{row.title ?? '(untitled)'}</span>
      </div>
      <div className="row-meta">
        <span className="feed-name">{row.feedTitle ?? ''}</span>
        {row.outlet && <OutletBadge outlet={row.outlet} testId="row-outlet" />}
        <time dateTime={row.published ?? undefined} title={longDate(row.published)}>{shortDate(row.published)}</time>
        {row.lang && <span className="lang" title="Language, told from the article's text" data-testid="row-lang">{row.lang}</span>}
        {row.labelKinds.map((k) => <span key={k} className={`badge label label-${k}`} title={`Labelled ${labelName(k)}`}>{labelName(k)}</span>)}
        {row.tags.map((t) => <span key={t} className="badge tag">{t}</span>)}
      </div>
      {row.snippet && <div className="row-snippet" data-testid="snippet"><Marked text={row.snippet} /></div>}
    </>
  );
}

// Search snippets are plain text with each match between U+0002 and U+0003: rendered as text, never as HTML.
function Marked({ text }: { text: string }) {
  const parts = text.split(/(\u0002[^\u0003]*\u0003)/);
  return <>{parts.map((p, i) => (p.startsWith('\u0002') ? <mark key={i}>{p.slice(1, -1)}</mark> : p))}</>;
}
