// The objects of a page's JSON-LD blocks (schema.org metadata), breadth first: an article's own fields come
// before those of the objects nested in it (its publisher, its images, a @graph's other nodes).

const MAX_OBJECTS = 1000;

/** Every JSON object in the page's `application/ld+json` scripts, outer ones first. Broken blocks are skipped. */
export function jsonLdObjects(document: Document): Record<string, unknown>[] {
  const objects: Record<string, unknown>[] = [];
  for (const script of document.querySelectorAll('script[type="application/ld+json" i]')) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue;
    }
    const queue: unknown[] = [data];
    for (let i = 0; i < queue.length && objects.length < MAX_OBJECTS; i++) {
      const item = queue[i];
      if (Array.isArray(item)) queue.push(...item);
      else if (item !== null && typeof item === 'object') {
        const record = item as Record<string, unknown>;
        objects.push(record);
        queue.push(...Object.values(record).filter((v) => v !== null && typeof v === 'object'));
      }
    }
  }
  return objects;
}
