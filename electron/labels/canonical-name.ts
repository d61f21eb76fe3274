// How the detector asks for an entity's canonical name (DESIGN.md §2: one name across inflections, scripts and
// languages). `known` says the name was found in the alias table; otherwise `canonical` is the name as given.
export type Canonical = (entity: string) => { canonical: string; known: boolean };

/** Without an alias table: every entity is its own canonical name. */
export const asWritten: Canonical = (entity) => ({ canonical: entity, known: false });
