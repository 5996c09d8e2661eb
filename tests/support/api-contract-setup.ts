import { afterEach } from 'vitest';
import type { ApiContract } from './api-contract';

// Checks every answer of the public API (`/api/v1/…`) that a test fetches against the OpenAPI
// document (tests/support/api-contract.ts); a test that received an answer the document does not
// describe fails. The document and ajv are loaded on the first such answer only.

const API = /^\/api\/v1\//;
const broken: string[] = [];
let contract: Promise<ApiContract> | null = null;

async function loadContract(): Promise<ApiContract> {
  const [{ apiContract }, { openApiDocument }] = await Promise.all([import('./api-contract'), import('../../app/lib/openapi.server')]);
  return apiContract(openApiDocument('http://localhost'));
}

const fetchOf = globalThis.fetch;
globalThis.fetch = async function checkedFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const res = await fetchOf(input, init);
  const url = input instanceof Request ? input.url : String(input);
  const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
  if (!URL.canParse(url) || !API.test(new URL(url).pathname) || method === 'HEAD' || method === 'OPTIONS') return res;
  contract ??= loadContract();
  const body = await res.clone().text();
  const problem = (await contract).check({ method, url, status: res.status, contentType: res.headers.get('content-type'), body });
  if (problem) broken.push(problem);
  return res;
};

afterEach(() => {
  if (broken.length === 0) return;
  const found = broken.splice(0);
  throw new Error(`The API answered outside its OpenAPI document:\n${found.join('\n')}`);
});
