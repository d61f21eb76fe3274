// Reviews that teach: precision of the detector per rule and per language, from the analyst's own verdicts
// (confirmed / (confirmed + rejected)), weakest first, with the reasons of the rejections.
import { rejectReasonNames } from './format.ts';
import type { RejectReason, ReviewStats } from './types.ts';

type Row = ReviewStats['byRule'][number];

function reasons(r: Row): string {
  return Object.entries(r.reasons).map(([k, n]) => `${rejectReasonNames[k as RejectReason]} ${n}`).join(', ');
}

function Table({ title, column, rows, testId }: { title: string; column: string; rows: Row[]; testId: string }) {
  return (
    <table className="flags precision" data-testid={testId}>
      <caption>{title}</caption>
      <thead><tr><th>{column}</th><th>Precision</th><th>Confirmed</th><th>Rejected</th><th>Why rejected</th></tr></thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key} data-testid="precision-row" className={r.precision < 0.9 ? 'weak' : undefined}>
            <td>{r.key}</td><td className="num">{(100 * r.precision).toFixed(0)}%</td>
            <td className="num">{r.confirmed}</td><td className="num">{r.rejected}</td><td>{reasons(r)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ReviewPrecision({ stats }: { stats: ReviewStats | null }) {
  if (!stats) return null;
  if (stats.reviewed === 0) return <p className="empty" data-testid="review-precision">Confirm or reject detections to see the detector's precision per rule and language here.</p>;
  return (
    <section className="review-precision" aria-label="Precision from your reviews" data-testid="review-precision">
      <h3>Precision from your {stats.reviewed} reviews</h3>
      <Table title="Precision per rule" column="Rule" rows={stats.byRule} testId="precision-rule" />
      <Table title="Precision per language" column="Language" rows={stats.byLanguage} testId="precision-language" />
    </section>
  );
}
