// One CSV field (RFC 4180): quoted when needed, quotes doubled; a cell a spreadsheet would run as a formula gets a
// leading apostrophe. Shared by every CSV Footnote writes (exports, charts' data, evidence manifests).
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
