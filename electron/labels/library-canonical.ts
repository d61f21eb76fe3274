// The canonical name a label carries in a library: the detector's (the shipped alias table, canonical.ts), unless
// an alias the analyst keeps in the library names the entity otherwise. The enricher never sees the library, so the
// store applies this when it writes a detection, and again to every stored label when the analyst's aliases change:
// the stored answer is always a function of (entity as written, detector's canonical, analyst's aliases).
import { shippedCanonicaliser, type Canonicaliser, type ExtraAlias } from './canonical.ts';

export type LibraryCanonical = (entity: string, detected: string) => string;

/** The detector's answer, untouched: a library without aliases of its own. */
const asDetected: LibraryCanonical = (_entity, detected) => detected;

export function libraryCanonical(aliases: readonly ExtraAlias[]): LibraryCanonical {
  if (aliases.length === 0) return asDetected;
  const shipped = shippedCanonicaliser();
  const layered: Canonicaliser = shipped.withExtraAliases(aliases);
  // An analyst alias decides only where it changes the answer; elsewhere the detector's reading of the text (which
  // may have used the language or the footnote's wording) stands.
  const changed = (name: string): string | null => {
    const mine = layered.canonical(name).canonical;
    return mine !== shipped.canonical(name).canonical ? mine : null;
  };
  return (entity, detected) => changed(entity) ?? changed(detected) ?? detected;
}
