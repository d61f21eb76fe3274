// RSS 1.0 (RDF Site Summary, http://web.resource.org/rss/1.0/spec) and RSS 0.90: <rdf:RDF> holds the channel and the
// items as siblings; an item's rdf:about is its identity (and its link when it is a web address). The fields of
// channel and item are RSS's (parse-rss.ts) and the modules' (parse-modules.ts).
import type { Vocabulary } from './parse-xml-model.ts';
import { decodeXml } from './parse-text.ts';

/** The namespace URI of RDF, whatever prefix a document binds to it. */
export const RDF_NAMESPACE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';

export const rdfElements: Vocabulary = {
  // The channel's list of item references (rdf:Seq): the items themselves follow as siblings.
  items: { open: () => 'none' },
};

/** The rdf:about attribute, whatever prefix the document binds to the RDF namespace. */
export function rdfAbout(attribs: Record<string, string>, scope: Record<string, string>, isRdf: (uri: string) => boolean): string | undefined {
  for (const name in attribs) {
    if (name === 'about') return decodeXml(attribs[name] ?? '');
    if (!name.endsWith(':about')) continue;
    const prefix = name.slice(0, -6);
    const uri = scope[prefix];
    if (prefix === 'rdf' || (uri !== undefined && isRdf(uri))) return decodeXml(attribs[name] ?? '');
  }
  return undefined;
}
