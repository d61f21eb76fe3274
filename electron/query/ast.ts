// The parsed form of a search query. Positions are 1-based character offsets into the query, for messages.

/** Columns a term can be limited to inside the full-text index. */
export type TextField = 'title' | 'author';

/** Fields that become SQL conditions rather than full-text terms. */
export type FilterField = 'feed' | 'outlet' | 'country' | 'tag' | 'label' | 'lang' | 'is' | 'after' | 'before' | 'date';

/** A bare word: stemmed unless it ends in a wildcard (then a prefix of the raw word). */
export interface TermNode {
  kind: 'term';
  text: string;
  prefix: boolean;
  field: TextField | null;
  pos: number;
}

/** A "quoted phrase": matched word for word, without stemming. */
export interface PhraseNode {
  kind: 'phrase';
  text: string;
  prefix: boolean;
  field: TextField | null;
  pos: number;
}

/** Every operand within `distance` words of the others, in any order. Operands are terms, phrases or ORs of them. */
export interface NearNode {
  kind: 'near';
  operands: QueryNode[];
  distance: number;
  pos: number;
}

export interface AndNode {
  kind: 'and';
  children: QueryNode[];
}

export interface OrNode {
  kind: 'or';
  children: QueryNode[];
}

export interface NotNode {
  kind: 'not';
  child: QueryNode;
}

/** A field filter. For dates, `from` (inclusive) and `to` (exclusive) are YYYY-MM-DD days. */
export interface FilterNode {
  kind: 'filter';
  field: FilterField;
  value: string;
  pos: number;
  from?: string;
  to?: string;
}

export type QueryNode = TermNode | PhraseNode | NearNode | AndNode | OrNode | NotNode | FilterNode;

/** How many hits a search returns when the caller does not say, on every engine. */
export const DEFAULT_LIMIT = 50;

export interface ParsedQuery {
  /** null for an empty query, which matches every article. */
  root: QueryNode | null;
  warnings: string[];
}

/** The query as it was understood, every group in explicit parentheses: shown in warnings and the UI. */
export function formatQuery(node: QueryNode): string {
  switch (node.kind) {
    case 'term': return `${node.field ? `${node.field}:` : ''}${node.text}${node.prefix ? '*' : ''}`;
    case 'phrase': return `${node.field ? `${node.field}:` : ''}"${node.text}"${node.prefix ? '*' : ''}`;
    case 'filter': return `${node.field}:${/[\s()"]/.test(node.value) ? `"${node.value}"` : node.value}`;
    case 'near': return node.operands.map(group).join(` NEAR/${node.distance} `);
    case 'not': return `NOT ${group(node.child)}`;
    case 'and': return node.children.map(group).join(' AND ');
    case 'or': return node.children.map(group).join(' OR ');
  }
}

function group(node: QueryNode): string {
  return node.kind === 'and' || node.kind === 'or' || node.kind === 'near' ? `(${formatQuery(node)})` : formatQuery(node);
}
