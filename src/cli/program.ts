import { readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { APPLY_USAGE_ERROR, reportFailure } from './report-failure.js';
import type { ApplyOptions } from './config/apply-config.js';
import type { ExportOptions } from './config/export-config.js';
import type { UserCreateOptions } from './user-create.js';
import type { ResetPasswordOptions } from './user-reset-password.js';

const out = (line: string) => void process.stdout.write(`${line}\n`);
const err = (line: string) => void process.stderr.write(`${line}\n`);

// From dist/cli or src/cli alike, package.json is two levels up.
const version = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

const environment = `
Configuration comes from VIGIL_* environment variables, as for the server (see the
README's configuration table). Exit status: 0 done, 1 failed (database unreachable, port
in use, no such user…), 2 wrong configuration or arguments; vigil apply: 0 no changes,
2 changes planned or applied, 1 failed (wrong arguments included).`;

// Each command's module is loaded when it runs: `vigil --help` need not load the whole server.
export function vigilProgram(): Command {
  const program = new Command('vigil')
    .description('Self-hosted on-call: run a node and administer its database.')
    .version(version)
    .exitOverride()
    .showHelpAfterError('(vigil --help lists the commands)')
    .addHelpText('after', environment);

  program
    .command('serve')
    .description('run a Vigil node: API, UI, escalation engine and checks on VIGIL_HOST:VIGIL_PORT (migrates the database first)')
    .action(async () => (await import('./serve.js')).serve());

  program
    .command('migrate')
    .description('bring the database schema up to date and print what was applied; safe while nodes run')
    .action(async () => (await import('./migrate.js')).migrate(out));

  const user = program.command('user').description('create users, reset passwords and list users, straight in the database');
  user
    .command('create')
    .description('create a user; without --password-stdin a password is generated and printed once')
    .requiredOption('--email <email>', 'their email, the login name')
    .requiredOption('--name <name>', 'their display name')
    .addOption(new Option('--role <role>', 'their role').choices(['owner', 'admin', 'responder', 'viewer']).makeOptionMandatory())
    .option('--time-zone <zone>', 'IANA time zone for their schedules and notices', 'UTC')
    .option('--password-stdin', 'read the password from the first line of standard input')
    .action(async (options: UserCreateOptions) => (await import('./user-create.js')).userCreate(options, out));
  user
    .command('reset-password')
    .description("set a new password (owners too: this is the break-glass path), end the user's sessions and revoke their API tokens")
    .argument('<email>', 'the email of the user')
    .option('--password-stdin', 'read the password from the first line of standard input instead of generating one')
    .option('--keep-tokens', 'leave their API tokens working')
    .option('--reset-two-factor', 'also turn off their two-factor (a lost phone); they set it up again if it is required')
    .action(async (email: string, options: ResetPasswordOptions) => (await import('./user-reset-password.js')).userResetPassword(email, options, out));
  user
    .command('list')
    .description('list users: email, name, role, two-factor, last sign-in')
    .option('--json', 'print JSON for scripts')
    .action(async (options: { json?: boolean }) => (await import('./user-list.js')).userList(options, out));

  program
    .command('backup')
    .description('copy the SQLite database to <file> while Vigil runs (for PostgreSQL use pg_dump: see docs/OPERATIONS.md)')
    .argument('<file>', 'where to write the copy')
    .option('--force', 'replace <file> if it exists')
    .action(async (file: string, options: { force?: boolean }) => (await import('./backup.js')).backup(file, options, out));

  // Every command that works through a running Vigil's API takes these.
  const vigilUrl = () => new Option('--vigil-url <url>', "Vigil's base URL, e.g. https://vigil.example.com").makeOptionMandatory();
  const token = () => new Option('--token <token>', "an admin's personal Vigil API token (vgl_…)").env('VIGIL_API_TOKEN').makeOptionMandatory();
  const importing = program.command('import').description('bring a setup over from another on-call tool through the API of a running Vigil');
  importing
    .command('pagerduty')
    .description(
      "import PagerDuty's users, contact methods, notification rules, teams, schedules, overrides, escalation policies and services (as pagerduty monitors keeping their integration keys); what exists (by email or name) is left as is; then compare who is on call for 30 days",
    )
    // From the environment too: options show in `ps` and shell history.
    .addOption(new Option('--api-key <key>', 'a PagerDuty REST API key (read-only is enough)').env('PAGERDUTY_API_KEY').makeOptionMandatory())
    .option('--url <url>', "PagerDuty's REST API", 'https://api.pagerduty.com')
    .addOption(vigilUrl())
    .addOption(token())
    .option('--dry-run', 'print the plan and the on-call comparison; create nothing')
    .action(async (options: { apiKey: string; url: string; vigilUrl: string; token: string; dryRun?: boolean }) => {
      await (await import('./pagerduty/import.js')).importPagerDuty(options, out);
    });
  importing
    .command('opsgenie')
    .description(
      "import Opsgenie's users, contacts, notification rules, teams, schedules (rotations with time restrictions), overrides and escalations; what exists (by email or name) is left as is; then compare who is on call for 30 days",
    )
    .addOption(new Option('--api-key <key>', 'an Opsgenie API key allowed to read configuration').env('OPSGENIE_API_KEY').makeOptionMandatory())
    .option('--url <url>', "Opsgenie's REST API (https://api.eu.opsgenie.com for the EU instance)", 'https://api.opsgenie.com')
    .addOption(vigilUrl())
    .addOption(token())
    .option('--dry-run', 'print the plan and the on-call comparison; create nothing')
    .action(async (options: { apiKey: string; url: string; vigilUrl: string; token: string; dryRun?: boolean }) => {
      await (await import('./opsgenie/import.js')).importOpsgenie(options, out);
    });
  importing
    .command('goalert')
    .description(
      "import GoAlert's users, contact methods, notification rules, rotations, schedules (rules as layers, replacing overrides), escalation policies and services (Grafana and Alertmanager keys kept); what exists (by email or name) is left as is; then compare who is on call for 30 days",
    )
    .requiredOption('--url <url>', "GoAlert's base URL, e.g. https://goalert.example.com")
    // From the environment too: options show in `ps` and shell history.
    .addOption(new Option('--goalert-token <token>', 'a GoAlert API key (read access is enough) or session token').env('GOALERT_API_TOKEN').makeOptionMandatory())
    .addOption(vigilUrl())
    .addOption(token())
    .option('--dry-run', 'print the plan and the on-call comparison; create nothing')
    .action(async (options: { goalertToken: string; url: string; vigilUrl: string; token: string; dryRun?: boolean }) => {
      await (await import('./goalert/import.js')).importGoAlert(options, out);
    });

  importing
    .command('grafana-oncall')
    .description(
      "import Grafana OnCall's teams, users, calendar schedules (on-call shifts as layers), escalation chains and integrations (as monitors with new keys); what exists (by email or name) is left as is; then compare who is on call for 30 days",
    )
    .requiredOption('--url <url>', "Grafana OnCall's API base URL (without /api/v1), e.g. https://oncall.example.com")
    // From the environment too: options show in `ps` and shell history.
    .addOption(new Option('--oncall-token <token>', 'a Grafana OnCall API token').env('GRAFANA_ONCALL_API_TOKEN').makeOptionMandatory())
    .addOption(vigilUrl())
    .addOption(token())
    .option('--dry-run', 'print the plan and the on-call comparison; create nothing')
    .action(async (options: { oncallToken: string; url: string; vigilUrl: string; token: string; dryRun?: boolean }) => {
      await (await import('./grafana/import.js')).importGrafanaOnCall(options, out);
    });

  // Configuration as code (docs/CONFIG-AS-CODE.md).
  program
    .command('export')
    .description('write the configuration (users without secrets, teams, schedules, escalation policies, monitors, event rules) as YAML')
    .addOption(vigilUrl())
    .addOption(token())
    .option('-o, --out <path>', 'a directory (users.yaml and teams/<team>.yaml) or a .yaml file; standard output without it')
    .option('--force', 'replace what is there')
    .action(async (options: ExportOptions) => (await import('./config/export-config.js')).exportConfig(options, out));
  program
    .command('apply')
    .description('make Vigil match YAML files (as export writes them): print the plan, then apply it; exit 0 no changes, 2 changes, 1 error')
    .requiredOption('-f, --file <path>', 'a .yaml file or a directory of them')
    .addOption(vigilUrl())
    .addOption(token())
    .option('--prune', 'delete schedules, policies, monitors and team members the files no longer name (in the teams they name)')
    .option('--dry-run', 'print the plan only (exit 2 if it would change something)')
    // Its 2 means "changes": a CI job must not read a mistyped option as one.
    .exitOverride((e) => {
      throw e.exitCode === 0 ? e : new CommanderError(1, APPLY_USAGE_ERROR, e.message);
    })
    .action(async (options: ApplyOptions) => {
      process.exitCode = await (await import('./config/apply-config.js')).applyConfig(options, out);
    });

  program
    .command('check-config')
    .description('validate the environment as a start would, try the database, and print the effective configuration with secrets masked')
    .action(async () => (await import('./check-config.js')).checkConfig(out, err));

  return program;
}

/** Runs the command line `args` (without node and script); on failure prints one readable line and exits with its status. */
export async function runVigil(args: string[]): Promise<void> {
  try {
    await vigilProgram().parseAsync(args, { from: 'user' });
  } catch (failure) {
    const code = reportFailure(failure, err);
    // Exit now: a half-started node or a database pool would otherwise keep the process alive.
    process.exit(code);
  }
}
