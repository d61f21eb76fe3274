// A plain-text table for the terminal, aligned by display width: a CJK character takes two columns, an emoji two,
// a combining mark none (string-width knows Unicode's East Asian Width table; padEnd() counts UTF-16 units).
import stringWidth from 'string-width';

export interface Column {
  /** Right-align numbers. */
  align?: 'left' | 'right';
  /** Cut longer cells to this display width, with an ellipsis. */
  max?: number;
}

/** Cuts text to at most `max` display columns, ending in "…" when cut. */
export function cutToWidth(text: string, max: number): string {
  if (stringWidth(text) <= max) return text;
  let out = '';
  for (const ch of text) {
    if (stringWidth(out + ch) > max - 1) break;
    out += ch;
  }
  return `${out}…`;
}

function pad(text: string, width: number, align: 'left' | 'right'): string {
  const fill = ' '.repeat(Math.max(0, width - stringWidth(text)));
  return align === 'right' ? fill + text : text + fill;
}

/** Rows of cells → lines, each column as wide as its widest cell, two spaces between; no trailing spaces. */
export function formatTable(header: string[], rows: string[][], columns: Column[] = []): string[] {
  const cells = [header, ...rows].map((row) => row.map((c, i) => {
    const max = columns[i]?.max;
    return max ? cutToWidth(c, max) : c;
  }));
  const widths = header.map((_, i) => Math.max(...cells.map((r) => stringWidth(r[i] ?? ''))));
  return cells.map((row) => row.map((c, i) => pad(c, widths[i] ?? 0, columns[i]?.align ?? 'left')).join('  ').trimEnd());
}

export { stringWidth };
