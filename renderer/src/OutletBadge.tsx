// The state-affiliation badge of an article's outlet, the same in the list, search results, the reader and the
// Flags view. The outlet arrives with the article (stored at ingest): no view asks the API for it per row.
import type { OutletBadge as Outlet } from './types.ts';
import { categoryName } from './format.ts';

interface Props {
  outlet: Outlet & { source?: string };
  /** Name and category (the reader), else the name alone (rows). */
  full?: boolean;
  testId: string;
}

export function OutletBadge({ outlet, full = false, testId }: Props) {
  const source = outlet.source ? `. Source: ${outlet.source}` : '';
  return (
    <span className="badge outlet" title={`${outlet.name}: ${categoryName(outlet.category)}, ${outlet.country}${source}`} data-testid={testId}>
      {full ? `${outlet.name} · ${categoryName(outlet.category)}` : outlet.name}
    </span>
  );
}
