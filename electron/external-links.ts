// Which addresses the app hands to the system browser: web pages and mail only. Anything else an article can
// carry (file:, javascript:, custom app schemes that start other programs) is dropped.
const ALLOWED = new Set(['http:', 'https:', 'mailto:']);

export function isSafeExternalUrl(url: string): boolean {
  try {
    return ALLOWED.has(new URL(url).protocol);
  } catch {
    return false;
  }
}
