// How the detector asks for an entity's canonical name (DESIGN.md §2: one name across inflections, scripts and
// languages): canonical.ts over the shipped alias table by default, or any function of the same shape.
import type { CanonicalEntity } from './canonical.ts';

export type Canonical = (entity: string, lang?: string | null) => CanonicalEntity;
