import { readFileSync } from 'node:fs';
import path from 'node:path';

// A small checker of JSON-LD against the schema.org vocabulary file of ../shared/standards: every
// type is a schema.org class, every property exists and applies to its type (domainIncludes, with
// superclasses), every nested value fits the property's range (rangeIncludes), and enumeration
// values (eventStatus, eventAttendanceMode, availability, …) are members of their enumeration.

type VocabNode = { '@id': string; '@type': string | string[]; [k: string]: unknown };
const ids = (v: unknown): string[] =>
  v == null ? [] : (Array.isArray(v) ? v : [v]).map((x) => (x as { '@id': string })['@id']);
const types = (n: VocabNode) => (Array.isArray(n['@type']) ? n['@type'] : [n['@type']]);

export interface SchemaOrg {
  check(doc: unknown): string[];
}

const DATA_TYPES: Record<string, (v: unknown) => boolean> = {
  'schema:Text': (v) => typeof v === 'string',
  'schema:URL': (v) => typeof v === 'string' && /^https?:\/\//.test(v),
  'schema:DateTime': (v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:\d{2})$/.test(v),
  'schema:Date': (v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v),
  'schema:Number': (v) => typeof v === 'number' || (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v)),
  'schema:Integer': (v) => Number.isInteger(v),
  'schema:Float': (v) => typeof v === 'number',
  'schema:Boolean': (v) => typeof v === 'boolean',
};

export function loadSchemaOrg(file = path.resolve('..', 'shared', 'standards', 'schema-org', 'schemaorg-all-https.jsonld')): SchemaOrg {
  const graph = (JSON.parse(readFileSync(file, 'utf8')) as { '@graph': VocabNode[] })['@graph'];
  const byId = new Map(graph.map((n) => [n['@id'], n]));
  const isClass = (id: string) => byId.has(id) && types(byId.get(id)!).includes('rdfs:Class');
  const ancestors = (id: string): Set<string> => {
    const out = new Set<string>();
    const walk = (c: string) => {
      if (out.has(c)) return;
      out.add(c);
      for (const p of ids(byId.get(c)?.['rdfs:subClassOf'])) walk(p);
    };
    walk(id);
    return out;
  };
  const isEnumeration = (id: string) => ancestors(id).has('schema:Enumeration');
  const memberOf = (value: string, enumeration: string) => {
    const node = byId.get(value);
    return node != null && types(node).some((t) => ancestors(t).has(enumeration));
  };

  function checkValue(value: unknown, ranges: string[], where: string, errors: string[]) {
    if (Array.isArray(value)) {
      for (const [i, v] of value.entries()) checkValue(v, ranges, `${where}[${i}]`, errors);
      return;
    }
    if (value && typeof value === 'object') {
      const type = (value as { '@type'?: string })['@type'];
      const id = `schema:${type}`;
      if (!type || !isClass(id)) return void errors.push(`${where}: unknown type ${String(type)}`);
      if (!ranges.some((r) => ancestors(id).has(r))) errors.push(`${where}: ${type} is not in the range ${ranges.join(', ')}`);
      checkNode(value as Record<string, unknown>, id, where, errors);
      return;
    }
    if (typeof value === 'string' && value.startsWith('https://schema.org/')) {
      const member = `schema:${value.slice('https://schema.org/'.length)}`;
      const enums = ranges.filter(isEnumeration);
      if (enums.length > 0) {
        if (!enums.some((e) => memberOf(member, e))) errors.push(`${where}: ${value} is not a member of ${enums.join(', ')}`);
        return;
      }
    }
    const fits = ranges.some((r) => Object.keys(DATA_TYPES).some((dt) => ancestors(r).has(dt) && DATA_TYPES[dt]!(value)));
    if (!fits) errors.push(`${where}: ${JSON.stringify(value)} does not fit ${ranges.join(', ')}`);
  }

  function checkNode(node: Record<string, unknown>, typeId: string, where: string, errors: string[]) {
    const typeAncestors = ancestors(typeId);
    for (const [key, value] of Object.entries(node)) {
      if (key.startsWith('@')) continue;
      const prop = byId.get(`schema:${key}`);
      if (!prop || !types(prop).includes('rdf:Property')) {
        errors.push(`${where}.${key}: not a schema.org property`);
        continue;
      }
      if (prop['schema:supersededBy']) errors.push(`${where}.${key}: superseded`);
      const domains = ids(prop['schema:domainIncludes']);
      if (!domains.some((d) => typeAncestors.has(d))) errors.push(`${where}.${key}: does not apply to ${typeId}`);
      checkValue(value, ids(prop['schema:rangeIncludes']), `${where}.${key}`, errors);
    }
  }

  return {
    check(doc) {
      const errors: string[] = [];
      const d = doc as Record<string, unknown>;
      if (d['@context'] !== 'https://schema.org') errors.push('@context must be https://schema.org');
      const nodes = Array.isArray(d['@graph']) ? (d['@graph'] as unknown[]) : [d];
      for (const [i, node] of nodes.entries()) checkValue(node, ['schema:Thing'], `@graph[${i}]`, errors);
      return errors;
    },
  };
}
