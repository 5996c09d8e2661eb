import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import pg from 'pg';
import { openPglite, openPostgres } from '../../db/client';
import { users } from '../../db/schema';
import { runScript } from '../support/cli';

// The create-admin command, run as a child process the way an operator runs it.

// Each run starts Node with tsx, and opens (and migrates) a database: seconds, more on a busy machine.
const run = (args: string[], env: Record<string, string>) => runScript('create-admin.ts', args, env);

describe('create-admin: arguments', { timeout: 120_000 }, () => {
  it('prints the usage and exits with 2 when arguments are missing, unknown or bad', async () => {
    const env = { DATA_DIR: '/nonexistent/never-opened' };
    const none = await run([], env);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('--email is required');
    expect(none.stderr).toContain('Usage: npm run admin:create');

    const unknown = await run(['--email', 'a@example.org', '--name', 'A', '--role', 'root'], env);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--role');
    expect(unknown.stderr).toContain('Usage:');

    const bad = await run(['--email', 'not-an-email', '--name', 'A'], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--email is not a valid email address');
    expect(bad.stdout).toBe('');
  });
});

describe('create-admin on the embedded database', { timeout: 120_000 }, () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'cercle-create-admin-'));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  const readUser = async (email: string) => {
    const handle = await openPglite(dir);
    try {
      const [row] = await handle.db.select().from(users).where(eq(users.email, email));
      return row;
    } finally {
      await handle.close();
    }
  };

  it('creates a verified administrator with no password in a new data folder, then leaves it alone', async () => {
    const created = await run(['--email', 'Root.Admin@Example.org', '--name', 'Root Admin'], { DATA_DIR: dir });
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    expect(created.stdout).toContain('Created a platform administrator account for root.admin@example.org');
    expect(created.stdout).toContain('Forgot password');

    const row = await readUser('root.admin@example.org');
    expect(row).toMatchObject({ name: 'Root Admin', emailVerified: true, isPlatformAdmin: true });
    expect(row?.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);

    const again = await run(['--email', 'root.admin@example.org', '--name', 'Root Admin'], { DATA_DIR: dir });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('already a platform administrator');
  });

  it('promotes an existing account', async () => {
    const handle = await openPglite(dir);
    await handle.db.insert(users).values({ id: 'organizer-1', email: 'organizer@example.org', name: 'Orga Nizer' });
    await handle.close();
    const result = await run(['--email', 'organizer@example.org', '--name', 'Ignored'], { DATA_DIR: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('organizer@example.org is now a platform administrator');
    expect(await readUser('organizer@example.org')).toMatchObject({ id: 'organizer-1', name: 'Orga Nizer', isPlatformAdmin: true });
  });

  it('says clearly that the folder is in use while a server holds it, and changes nothing', async () => {
    const server = await openPglite(dir);
    try {
      const result = await run(['--email', 'late@example.org', '--name', 'Late'], { DATA_DIR: dir });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('in use by a running Cercle server');
      expect(result.stderr).toContain('Stop the server');
      expect(result.stderr).not.toContain('    at ');
    } finally {
      await server.close();
    }
    expect(await readUser('late@example.org')).toBeUndefined();
  });
});

describe.skipIf(!process.env.TEST_DATABASE_URL)('create-admin on PostgreSQL (DATABASE_URL)', { timeout: 120_000 }, () => {
  const base = process.env.TEST_DATABASE_URL ?? '';
  const name = `cercle_cli_${randomBytes(6).toString('hex')}`;
  const url = () => {
    const u = new URL(base);
    u.pathname = `/${name}`;
    return u.toString();
  };
  beforeAll(async () => {
    const c = new pg.Client({ connectionString: base });
    await c.connect();
    await c.query(`create database ${name}`);
    await c.end();
  });
  afterAll(async () => {
    const c = new pg.Client({ connectionString: base });
    await c.connect();
    await c.query(`drop database if exists ${name} with (force)`);
    await c.end();
  });

  it('migrates the database and creates the administrator there', async () => {
    const result = await run(['--email', 'pg.admin@example.org', '--name', 'Pg Admin'], { DATABASE_URL: url() });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('PostgreSQL (DATABASE_URL)');
    const handle = await openPostgres(url(), { max: 1 });
    try {
      const [row] = await handle.db.select().from(users).where(eq(users.email, 'pg.admin@example.org'));
      expect(row).toMatchObject({ isPlatformAdmin: true, emailVerified: true, name: 'Pg Admin' });
    } finally {
      await handle.close();
    }
  });
});
