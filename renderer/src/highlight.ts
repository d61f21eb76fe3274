// Marks the labelled entity's mentions and the footnote sentence in the shown article, so an analyst sees at once
// what the detector found and where. Works on text nodes only: the sanitised markup around them is untouched.
export function markAll(root: HTMLElement, needle: string, className: string, title: string, limit = 50): number {
  if (needle.trim().length < 2) return 0;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  let count = 0;
  for (const node of nodes) {
    let current: Text | null = node;
    while (current && count < limit) {
      const at: number = current.data.indexOf(needle);
      if (at < 0) break;
      if (current.parentElement?.closest('mark')) break; // already inside a mark (the evidence holds the entity)
      const match: Text = current.splitText(at);
      const rest: Text = match.splitText(needle.length);
      const mark = document.createElement('mark');
      mark.className = className;
      mark.title = title;
      match.replaceWith(mark);
      mark.append(match);
      count++;
      current = rest;
    }
  }
  return count;
}
