// A long address cut for an error message: people need to recognise it, not read 40 kB of a data: URL.

/** The address as it may be quoted in a sentence: at most `max` characters, scheme and host kept. */
export function shortUrl(url: string, max = 80): string {
  const data = /^data:([^,;]*)/i.exec(url);
  if (data) return `data:${data[1] || 'text/plain'}… (${url.length.toLocaleString('en')} characters)`;
  if (url.length <= max) return url;
  let host = '';
  try {
    host = new URL(url).origin;
  } catch {
    // not a URL: cut it like any text
  }
  const head = Math.max(host.length + 12, Math.floor(max * 0.6));
  const tail = max - head - 1;
  return `${url.slice(0, head)}…${tail > 0 ? url.slice(-tail) : ''}`;
}
