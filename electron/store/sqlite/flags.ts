// What makes a label count: still carried by the article's current version and not rejected by an analyst.
// One definition, so that the Flagged view, is:flagged, counts and notifications agree.

/** SQL condition on the label table, optionally through an alias (`l.`). */
export function liveLabel(alias = ''): string {
  const p = alias ? `${alias}.` : '';
  return `${p}removed_at IS NULL AND ${p}review <> 'rejected'`;
}
