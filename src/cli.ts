import { Command, CommanderError, Option } from 'commander';
import { NdraftError } from './diagnostics/diagnostic.js';
import { processIo, type Io } from './cli/io.js';

/**
 * The command table. It only declares commands; each one lives in `cli/commands/<name>.ts` and
 * is imported when it runs, so `--help` and `--version` load nothing else. Exit codes are
 * decided here alone: 0 ok, 1 the input or the draft is wrong, 2 usage.
 */
const VERSION = '0.1.0';

type Action = (io: Io) => Promise<number | void>;

export function buildProgram(io: Io, run: (action: Action) => Promise<void>): Command {
  const program = new Command('ndraft')
    .description('Version control for negotiation drafts: numbered paragraphs, [brackets], alternatives and (Agreed) text')
    .version(VERSION, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .showSuggestionAfterError(true)
    .configureOutput({ writeOut: (s) => io.write(s), writeErr: (s) => io.error(s) })
    .exitOverride()
    .addHelpText(
      'after',
      `
Examples:
  ndraft import chair-rev1.txt --out drafts/rev1   read a plain-text draft
  ndraft status                                    how far along is the text
  ndraft show 61                                   one paragraph, brackets numbered
  ndraft validate                                  check every file
  ndraft export -o rev1-compiled.txt               the draft in negotiation conventions

Exit status: 0 ok, 1 the input or the draft is wrong, 2 usage.
Run "ndraft <command> --help" for a command's options.`,
    );
  const draftOption = () => new Option('--draft <dir>', 'the draft folder (default: the one holding draft.yaml here or above, or the single one under ./drafts)');
  const command = (name: string) => program.command(name).addOption(draftOption());

  program
    .command('import')
    .description('import a plain-text draft (UN conventions) into a draft folder of YAML files')
    .argument('<file>', 'the text file to read')
    .requiredOption('--out <dir>', 'the draft folder to create')
    .option('--title <title>', 'the draft title (default: from the file name)')
    .option('--encoding <name>', 'the file\'s encoding when it is not UTF-8, e.g. windows-1252')
    .option('--force', 'replace an existing draft in --out')
    .option('--json', 'print the summary and warnings as JSON')
    .addHelpText('after', '\nExample:\n  ndraft import rev1.txt --out drafts/rev1 --title "Chair\'s text, Rev.1"')
    .action((file: string, opts) => run(async (io) => (await import('./cli/commands/import.js')).importCommand(file, opts, io)));

  command('export')
    .description('write the whole draft in negotiation conventions (text) or as data (json)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('-o, --output <file>', 'write to a file (atomically) instead of standard output')
    .option('--force', 'overwrite an existing output file')
    .addHelpText('after', '\nExamples:\n  ndraft export\n  ndraft export --format json -o draft.json')
    .action((opts) => run(async (io) => (await import('./cli/commands/export.js')).exportCommand(opts, io)));

  command('validate')
    .description('check every file against the schemas and the rules across files')
    .option('--json', 'print the report as JSON')
    .addHelpText('after', '\nExit status: 0 when the draft is clean (warnings allowed), 1 when it has errors.')
    .action((opts) => run(async (io) => (await import('./cli/commands/validate.js')).validateCommand(opts, io)));

  command('status')
    .description('count paragraphs agreed and open, brackets and alternatives, for the draft and each section')
    .option('--json', 'print the counts as JSON')
    .action((opts) => run(async (io) => (await import('./cli/commands/status.js')).statusCommand(opts, io)));

  command('show')
    .description('show one paragraph with its brackets numbered and highlighted, its items and alternatives')
    .argument('<number>', 'the paragraph number, e.g. 61 or 61bis')
    .option('--json', 'print the paragraph and its numbered brackets as JSON')
    .addHelpText('after', '\nExample:\n  ndraft show 61')
    .action((number: string, opts) => run(async (io) => (await import('./cli/commands/show.js')).showCommand(number, opts, io)));

  return program;
}

export async function main(argv: readonly string[], io: Io = processIo()): Promise<number> {
  let exitCode = 0;
  const run = async (action: Action) => {
    exitCode = (await action(io)) ?? 0;
  };
  const program = buildProgram(io, run);
  try {
    await program.parseAsync(argv as string[], { from: 'user' });
  } catch (error) {
    exitCode = await reportFailure(error, io);
  }
  return exitCode;
}

async function reportFailure(error: unknown, io: Io): Promise<number> {
  if (error instanceof CommanderError) {
    // commander has already printed its message
    // `commander.help` is help shown because no command was given: a usage error, after the help.
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return 0;
    return 2;
  }
  const { colorsFor } = await import('./cli/io.js');
  const c = colorsFor(io, 'stderr');
  if (error instanceof NdraftError) {
    const { formatDiagnostic } = await import('./cli/format-diagnostic.js');
    for (const d of error.diagnostics) io.error(`${formatDiagnostic(d, io.cwd, c)}\n`);
    io.error(`${c.red('ndraft:')} ${error.message}\n`);
    if (error.kind === 'usage') io.error(`Run "ndraft --help" for usage.\n`);
    return error.kind === 'usage' ? 2 : 1;
  }
  const err = error as Error;
  if ((err as NodeJS.ErrnoException).code !== undefined && (err as NodeJS.ErrnoException).syscall !== undefined) {
    io.error(`${c.red('ndraft:')} ${err.message}\n`);
    return 1;
  }
  io.error(`${c.red('ndraft: internal error:')} ${err?.message ?? String(error)}\nThis is a bug in ndraft; please report it with the command you ran.\n`);
  if (io.env.NDRAFT_DEBUG) io.error(`${err?.stack ?? ''}\n`);
  return 1;
}
