// Makes someone a platform administrator (the people who review licences and listing reports):
//
//   npm run admin:create -- --email someone@example.org --name "Full Name"
//
// It opens the database the way the server does (DATABASE_URL for PostgreSQL, else the embedded
// database in DATA_DIR), applies migrations, then promotes the account with that email, or creates
// one with no password: its owner signs in with a magic link or through "forgot password".
import { parseArgs } from 'node:util';
import { createContext } from '../core/context';
import { fail, openServerDatabase } from './cli-database';
import { makePlatformAdmin, makePlatformAdminInput } from '../core/admin/make-platform-admin';

const USAGE = `Usage: npm run admin:create -- --email <address> --name "<full name>"

Makes the account with this email a platform administrator, creating it when there is none.
  --email   the person's email address (required)
  --name    their full name, used when the account is created (required)
  --help    show this message

The database is the server's: DATABASE_URL (PostgreSQL) when set, else the embedded database
in DATA_DIR (default ./data). Stop the server first when it uses the embedded database.`;

// Exit codes: 0 done, 1 the database could not be used, 2 bad arguments or configuration.

async function main(argv: string[]): Promise<void> {
  let values: { email?: string; name?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { email: { type: 'string' }, name: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    fail(`${(err as Error).message}\n\n${USAGE}`, 2);
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const parsed = makePlatformAdminInput.safeParse({ email: values.email, name: values.name });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => {
      const field = `--${String(i.path[0] ?? 'arguments')}`;
      const what = i.message === 'invalid_email' ? 'is not a valid email address' : i.message === 'too_long' ? 'is too long' : 'is required';
      return `  ${field} ${what}`;
    });
    fail(`${[...new Set(problems)].join('\n')}\n\n${USAGE}`, 2);
  }

  const { handle, where } = await openServerDatabase();
  try {
    const ctx = createContext(handle.db, { now: new Date(), actor: { type: 'system' } });
    const result = await makePlatformAdmin({ ctx, input: parsed.data });
    const lines = {
      created: [
        `Created a platform administrator account for ${result.email} (${where}).`,
        'It has no password: sign in with a magic link, or choose a password with "Forgot password".',
      ],
      promoted: [`${result.email} is now a platform administrator (${where}).`],
      unchanged: [`${result.email} was already a platform administrator; nothing changed (${where}).`],
    }[result.outcome];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    await handle.close();
  }
}

main(process.argv.slice(2)).then(
  () => process.exit(0),
  (err: unknown) => fail(`Failed: ${(err as Error).stack ?? String(err)}`, 1),
);
