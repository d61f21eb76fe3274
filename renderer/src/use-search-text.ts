// The search box: what is typed, and the query it becomes once typing pauses.
import { useEffect, useState } from 'react';

const SEARCH_DEBOUNCE_MS = 250;

export interface SearchText {
  searchText: string;
  setSearchText: (text: string) => void;
  /** The query the list shows; '' when none. */
  query: string;
  /** Shows a query at once (a saved search, the Flags view), the box included. */
  showQuery: (query: string) => void;
}

export function useSearchText(): SearchText {
  const [searchText, setSearchText] = useState('');
  const [query, setQuery] = useState('');

  useEffect(() => {
    const t = setTimeout(() => setQuery(searchText.trim()), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(t);
  }, [searchText]);

  const showQuery = (q: string): void => {
    setSearchText(q);
    setQuery(q);
  };

  return { searchText, setSearchText, query, showQuery };
}
