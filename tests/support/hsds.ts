import { readdirSync } from 'node:fs';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { readStandard, standardsFile } from './standards';

// The HSDS 3 JSON schemas of Open Referral, loaded into ajv as the specification's own validator
// (2020-12 drafts; their custom keywords are let through; each file is known by its name, as the
// schemas name each other).
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

export function hsdsValidator(): (object: 'service' | 'organization' | 'location' | 'schedule', value: unknown) => string[] {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  for (const file of readdirSync(standardsFile('hsds', 'schema')).filter((f) => f.endsWith('.json') && f !== 'openapi.json')) {
    ajv.addSchema(readStandard<object>('hsds', 'schema', file), file);
  }
  const compiled = new Map<string, ValidateFunction>();
  return (object, value) => {
    let validate = compiled.get(object);
    if (!validate) compiled.set(object, (validate = ajv.getSchema(`${object}.json`)!));
    return validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
  };
}
