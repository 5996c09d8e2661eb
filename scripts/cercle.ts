// Cercle's command line, for the people who run a Cercle server:
//
//   npm run cercle -- import hsds <file> --organization <slug> [--language en|fr] [--time-zone <zone>] [--dry-run]
//   npm run cercle -- export hsds|meeting-guide|csv --output <file> [--language en|fr]
//   npm run cercle -- backup --output <file>
//   npm run cercle -- restore <file>
//   npm run cercle -- --help
//
// It works on the server's database (scripts/cli-database.ts). Exit codes: 0 done, 1 failed (a
// file or the database could not be used; nothing was written), 2 wrong arguments, 3 done but some
// records were refused (each is listed with its reason).
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { SingleBar, Presets } from 'cli-progress';
import { createContext } from '../core/context';
import { CoreError } from '../core/errors';
import { organizationBySlug } from '../core/group-editor/get-group-editor';
import { hsdsRecords, importHsds, importHsdsOptions } from '../core/feeds/import-hsds';
import { fail, openServerDatabase } from './cli-database';
import { EXPORT_FORMATS, exportCommand, type ExportFormat } from './cli-export';
import { backupCommand, restoreCommand } from './cli-backup';

const USAGE = `Usage: npm run cercle -- <command> [options]

Commands:
  import hsds <file> --organization <slug>
      Reads the services of an Open Referral HSDS 3 file (JSON: a list of services, a page of
      HSDS's API, or a dataset exported by Cercle) into an organization, as draft groups that its
      organizers review and publish. Every record is checked first; those that cannot be read are
      listed with the reason, the others are written together (all or none). Importing the same
      file again changes nothing.
        --organization <slug>   the organization that receives the groups (required)
        --language en|fr        the language the file is written in (default: en)
        --time-zone <zone>      the IANA time zone of schedules that do not name one
                                (default: America/Toronto)
        --dry-run               check the file and say what would be created, writing nothing

  export hsds|meeting-guide|csv --output <file>
      Writes every published group to a file: the HSDS 3 dataset (JSON), the Meeting Guide feed
      (JSON), or a spreadsheet (CSV), as the server's feeds write them.
        --output <file>         where to write (required)
        --language en|fr        the language of names, descriptions and addresses (default: en)

  backup --output <file>
      Saves the whole database in one file: the embedded database's folder as an archive, or
      PostgreSQL with pg_dump. Stop the server first when it uses the embedded database.
  restore <file>
      Fills an empty database (a new DATA_DIR, or a new PostgreSQL database in DATABASE_URL) from
      a backup of the same kind. Never writes over a database that holds data.

Options:
  --help, -h   show this message

The database is the server's: DATABASE_URL (PostgreSQL) when set, else the embedded database in
DATA_DIR (default ./data). Stop the server first when it uses the embedded database.
Exit codes: 0 done, 1 failed (nothing written), 2 wrong arguments, 3 some records refused.`;

async function importHsdsCommand(file: string, values: { organization?: string; language?: string; 'time-zone'?: string; 'dry-run'?: boolean }) {
  if (!values.organization) fail(`--organization is required.\n\n${USAGE}`, 2);
  const checked = importHsdsOptions.omit({ organizationId: true }).safeParse({ language: values.language, timeZone: values['time-zone'] });
  if (!checked.success) {
    fail(`${checked.error.issues.map((i) => (i.path[0] === 'language' ? '--language must be en or fr' : `--time-zone ${values['time-zone']} is not an IANA time zone`)).join('\n')}\n\n${USAGE}`, 2);
  }
  let data: unknown;
  try {
    data = JSON.parse(await readFile(file, 'utf8'));
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    fail(e.code ? `Cannot read ${file}: ${e.message}` : `${file} is not JSON: ${e.message}`, 1);
  }
  const records = hsdsRecords(data);
  if (!records) fail(`${file} holds no HSDS services (expected a list of services, an object with "contents" or "services", or one service).`, 1);

  const { handle, where } = await openServerDatabase();
  try {
    const ctx = createContext(handle.db, { now: new Date(), actor: { type: 'system' } });
    let org;
    try {
      org = await organizationBySlug(ctx, values.organization);
    } catch (err) {
      if (err instanceof CoreError && err.code === 'not_found') fail(`No organization has the slug "${values.organization}" (${where}).`, 1);
      throw err;
    }
    const bar = new SingleBar({ format: '{step} [{bar}] {value}/{total} records', clearOnComplete: true, stream: process.stderr }, Presets.shades_classic);
    let current: string | null = null;
    const dryRun = values['dry-run'] ?? false;
    const report = await importHsds({
      ctx,
      options: { ...checked.data, organizationId: org.id },
      records,
      dryRun,
      progress: (step, done, total) => {
        const words = step === 'read' ? 'Checking' : 'Writing ';
        if (current !== step) {
          if (current) bar.stop();
          bar.start(total, 0, { step: words });
          current = step;
        }
        bar.update(done, { step: words });
      },
    });
    if (current) bar.stop();
    const out = [
      `${records.length} record${records.length === 1 ? '' : 's'} read from ${file} for ${org.nameEn} (${where}).`,
      dryRun ? `Would create ${report.created} draft group${report.created === 1 ? '' : 's'} (dry run: nothing written).` : `Created ${report.created} draft group${report.created === 1 ? '' : 's'}.`,
      `${report.unchanged} already imported, left as they are.`,
    ];
    if (report.rejected.length) out.push(`${report.rejected.length} refused:`, ...report.rejected.map((r) => `  ${r.record}: ${r.reason}`));
    process.stdout.write(`${out.join('\n')}\n`);
    return report.rejected.length ? 3 : 0;
  } finally {
    await handle.close();
  }
}

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        organization: { type: 'string' },
        language: { type: 'string' },
        'time-zone': { type: 'string' },
        'dry-run': { type: 'boolean' },
        output: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: true,
    });
  } catch (err) {
    fail(`${(err as Error).message}\n\n${USAGE}`, 2);
  }
  const { values, positionals } = parsed;
  if (values.help || positionals.length === 0) {
    process.stdout.write(`${USAGE}\n`);
    return values.help ? 0 : 2;
  }
  const [command, format, file, ...rest] = positionals;
  if (command === 'import' && format === 'hsds' && file && rest.length === 0) return importHsdsCommand(file, values);
  if (command === 'backup' && !format) {
    if (!values.output) fail(`--output is required.\n\n${USAGE}`, 2);
    process.stdout.write(`${await backupCommand(values.output)}\n`);
    return 0;
  }
  if (command === 'restore' && format && !file) {
    process.stdout.write(`${await restoreCommand(format)}\n`);
    return 0;
  }
  if (command === 'export' && format && !file) {
    if (!(EXPORT_FORMATS as readonly string[]).includes(format)) fail(`Unknown export format: ${format} (hsds, meeting-guide or csv)\n\n${USAGE}`, 2);
    if (!values.output) fail(`--output is required.\n\n${USAGE}`, 2);
    if (values.language !== undefined && values.language !== 'en' && values.language !== 'fr') fail(`--language must be en or fr\n\n${USAGE}`, 2);
    const { entries, where } = await exportCommand(format as ExportFormat, { language: (values.language ?? 'en') as 'en' | 'fr', output: values.output });
    process.stdout.write(`Wrote ${entries} entr${entries === 1 ? 'y' : 'ies'} to ${values.output} (${where}).\n`);
    return 0;
  }
  fail(`Unknown command: ${positionals.join(' ')}\n\n${USAGE}`, 2);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => fail(`Failed, nothing was written: ${(err as Error).stack ?? String(err)}`, 1),
);
