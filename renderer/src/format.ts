// Dates as an analyst reads them (today's time, else the date; the full instant on hover), label kinds by name.
import type { LabelKind, RejectReason } from '../../electron/model.ts';

const time = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const day = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
const full = new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'short' });

export function shortDate(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return d.toDateString() === new Date().toDateString() ? time.format(d) : day.format(d);
}

export function longDate(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : full.format(d);
}

/** How each label kind reads in the UI. Keyed by the one list of kinds (LABEL_KINDS in electron/model.ts): the type
 * makes a kind added there fail to compile here until it has a name. */
export const labelNames: Record<LabelKind, string> = {
  terrorist: 'terrorist',
  extremist: 'extremist',
  undesirable: 'undesirable',
  foreign_agent: 'foreign agent',
  banned_other: 'banned',
};

/** Why a detection was rejected, in the analyst's words (the choices of the Reject form). */
export const rejectReasonNames: Record<RejectReason, string> = {
  not_a_label: 'not a label (other asterisk, plain mention)',
  news_event: 'the news event, not a label',
  quoted: 'quoted or criticised, not applied',
  other_country: "another country's designation",
  wrong_entity: 'wrong entity',
  wrong_kind: 'wrong kind',
  other: 'other (see note)',
};

/** The name of a kind that arrives as a plain string (list rows, search hits). */
export function labelName(kind: string): string {
  return (labelNames as Partial<Record<string, string>>)[kind] ?? kind;
}

/** How the registry's outlet categories read in the UI; one the analyst typed reads with spaces for underscores. */
const categoryNames: Partial<Record<string, string>> = {
  state_controlled: 'state-controlled',
  state_affiliated: 'state-affiliated',
  state_proxy: 'state proxy',
  public_independent: 'public, independent',
};

export function categoryName(category: string): string {
  return categoryNames[category] ?? category.replace(/_/g, ' ');
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
