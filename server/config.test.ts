import { describe, expect, it } from 'vitest';
import { readConfig } from './config';

describe('configuration', () => {
  it('requires PUBLIC_URL of a deployment (NODE_ENV=production given), with a message naming it', () => {
    expect(() => readConfig({ NODE_ENV: 'production' })).toThrow(/PUBLIC_URL: required when NODE_ENV=production/);
    // server.js keeps what was given before it defaults NODE_ENV for the libraries.
    expect(() => readConfig({ NODE_ENV: 'production', CERCLE_NODE_ENV_GIVEN: 'production' })).toThrow(/PUBLIC_URL/);
    expect(readConfig({ NODE_ENV: 'production', PUBLIC_URL: 'https://cercle.example.org' }).publicUrl).toBe('https://cercle.example.org');
  });

  it('runs the production build on one’s own computer without PUBLIC_URL when NODE_ENV was not given', () => {
    expect(readConfig({ NODE_ENV: 'production', CERCLE_NODE_ENV_GIVEN: '', PORT: '4000' }).publicUrl).toBe('http://localhost:4000');
    expect(readConfig({}).publicUrl).toBe('http://localhost:3000');
    expect(readConfig({ NODE_ENV: 'development' }).publicUrl).toBe('http://localhost:3000');
  });
});

describe('rotating SECRET_KEY', () => {
  const key = (c: string) => c.repeat(32);
  it('takes the replaced key and the end of its grace period', () => {
    const c = readConfig({ SECRET_KEY: key('n'), SECRET_KEY_PREVIOUS: key('o'), SECRET_KEY_PREVIOUS_UNTIL: '2027-01-31' });
    expect(c.SECRET_KEY_PREVIOUS).toBe(key('o'));
    expect(c.SECRET_KEY_PREVIOUS_UNTIL).toEqual(new Date('2027-01-31T00:00:00Z'));
  });

  it('refuses a previous key without the new one, and a grace period that is not a date', () => {
    expect(() => readConfig({ SECRET_KEY_PREVIOUS: key('o') })).toThrow(/SECRET_KEY_PREVIOUS: set SECRET_KEY/);
    expect(() => readConfig({ SECRET_KEY: key('n'), SECRET_KEY_PREVIOUS: key('o'), SECRET_KEY_PREVIOUS_UNTIL: 'next month' })).toThrow(/SECRET_KEY_PREVIOUS_UNTIL: must be a date/);
  });
});
