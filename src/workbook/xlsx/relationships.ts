/**
 * A relationships part (.rels): each relationship's attributes by Id, as ExcelJS keeps them.
 */
import { decline } from './decline';
import { RELS_NS } from './namespaces';
import { eachChild, openRoot, Scanner } from './xml-scanner';

export interface Relationship {
  Id?: string;
  Type?: string;
  Target?: string;
}

export function readRelationships(xml: string): Map<string, Relationship> {
  const s = new Scanner(xml);
  openRoot(s, 'Relationships', RELS_NS);
  const rels = new Map<string, Relationship>();
  eachChild(s, () => {
    if (s.name !== 'Relationship') decline(`<${s.name}> in relationships`);
    const rel = s.attrs as Relationship;
    rels.set(String(rel.Id), rel);
    s.skip();
  });
  return rels;
}
