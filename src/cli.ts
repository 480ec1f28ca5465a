import { Command, CommanderError, Option } from 'commander';
import { NdraftError } from './diagnostics/diagnostic.js';
import { processIo, type Io } from './cli/io.js';
import { VERSION } from './version.js';

/**
 * The command table. It only declares commands; each one lives in `cli/commands/<name>.ts` and
 * is imported when it runs, so `--help` and `--version` load nothing else. Exit codes are
 * decided here alone: 0 ok, 1 the input or the draft is wrong, 2 usage, 70 a bug in ndraft.
 */

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
  ndraft diff 61 "Alt 1" "Alt 3"                   what differs between two wordings
  ndraft validate                                  check every file
  ndraft export -o rev1-compiled.txt               the draft in negotiation conventions

Input limits guard against hostile files (SECURITY.md); each option has an environment variable.
Exit status: 0 ok, 1 the input or the draft is wrong, 2 usage, 70 a bug in ndraft (please report it).
Run "ndraft <command> --help" for a command's options.`,
    );
  program
    .option('--max-file-size <bytes>', 'refuse a file larger than this, e.g. 64M (NDRAFT_MAX_FILE_SIZE; default 32M)')
    .option('--max-line-length <chars>', 'refuse a line longer than this (NDRAFT_MAX_LINE_LENGTH; default 1048576)')
    .option('--max-depth <n>', 'refuse brackets nested deeper than this (NDRAFT_MAX_DEPTH; default 100)')
    .option('--max-aliases <n>', 'refuse a YAML file expanding more aliases than this (NDRAFT_MAX_ALIASES; default 100)');
  const draftOption = () => new Option('--draft <dir>', 'the draft folder (default: the one holding draft.yaml here or above, or the single one under ./drafts)');
  const command = (name: string) => program.command(name).addOption(draftOption());

  program
    .command('import')
    .description('import a plain-text draft (UN conventions) into a draft folder of YAML files')
    .argument('<file>', 'the text file to read')
    .requiredOption('--out <dir>', 'the draft folder to create')
    .option('--title <title>', 'the draft title (default: from the file name)')
    .option('--encoding <name>', 'the file\'s encoding when it is not UTF-8, e.g. windows-1252')
    .addOption(new Option('--from <format>', 'the source format: text (plain, or extracted from a PDF) or markdown (default: detected)').choices(['text', 'markdown']))
    .option('--conventions <file>', 'a YAML file of the negotiation\'s own spellings of labels and markers (e.g. "Artículo", "Opción", "(Acordado)"), added to the defaults and stored in the draft')
    .option('--force', 'replace an existing draft in --out')
    .option('--discard-history', 'with --force: replace a draft that has a history, discarding it')
    .option('--json', 'print the summary and warnings as JSON')
    .addHelpText('after', '\nExample:\n  ndraft import rev1.txt --out drafts/rev1 --title "Chair\'s text, Rev.1"')
    .action((file: string, opts) => run(async (io) => (await import('./cli/commands/import.js')).importCommand(file, opts, io)));

  command('export')
    .description('write the draft as a compilation (brackets, alternatives, statuses) or --clean, in text, md, html, docx, json or akn')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'md', 'html', 'docx', 'json', 'akn']).default('text'))
    .option('--clean', 'the consolidated text: no brackets, markers or alternatives; refuses while anything is unresolved')
    .option('--agreed-only', 'only the agreed paragraphs and items, under their numbers, with a note of what was left out (implies --clean)')
    .option('--renumber', 'number the paragraphs consecutively')
    .option('--changes-since <revision>', 'docx: Word tracked changes since a history id (see "ndraft log"), or "import"')
    .option('-o, --output <file>', 'write to a file (atomically) instead of standard output')
    .option('--force', 'overwrite a file that is not an earlier export of this draft')
    .addHelpText(
      'after',
      '\nExamples:\n  ndraft export\n  ndraft export --format html -o rev2.html\n  ndraft export --clean --format docx -o rev2-clean.docx\n  ndraft export --agreed-only --format md\n  ndraft export --format docx --changes-since import -o rev2-changes.docx',
    )
    .action((opts) => run(async (io) => (await import('./cli/commands/export.js')).exportCommand(opts, io)));

  command('validate')
    .description('check every file against the schemas and the rules across files')
    .option('--json', 'print the report as JSON')
    .addHelpText('after', '\nExit status: 0 when the draft is clean (warnings allowed), 1 when it has errors.')
    .action((opts) => run(async (io) => (await import('./cli/commands/validate.js')).validateCommand(opts, io)));

  command('status')
    .description('count paragraphs agreed and open, brackets and alternatives, for the draft and each section')
    .option('--json', 'print the counts as JSON')
    .option('--revisions', 'the figures negotiators track from round to round (agreed, brackets, alternatives), one row per revision and the draft now, with the change from the row before')
    .addHelpText('after', '\nExamples:\n  ndraft status\n  ndraft status --revisions       agreed, brackets and alternatives at import, Rev.1, … and now')
    .action((opts) => run(async (io) => (await import('./cli/commands/status.js')).statusCommand(opts, io)));

  command('show')
    .description('show one paragraph with its brackets numbered and highlighted, its items and alternatives; or an option block')
    .argument('<paragraph>', 'the paragraph: its address (61, art3-2, pp1) or its printed number where only one paragraph has it; or an option block\'s number')
    .option('--json', 'print the paragraph and its numbered brackets as JSON')
    .option('--block', 'show the option block the paragraph is in: its options and their paragraphs')
    .addHelpText('after', '\nExamples:\n  ndraft show 61\n  ndraft show 3            an option block numbered 3\n  ndraft show opt1-2 --block')
    .action((number: string, opts) => run(async (io) => (await import('./cli/commands/show.js')).showCommand(number, opts, io)));

  command('diff')
    .description('compare two wordings of a paragraph (or two options of a block) word by word; without labels, each alternative with the first')
    .argument('<paragraph>', 'the paragraph: its address or printed number, e.g. 61 or art3-2; or an option block\'s number')
    .argument('[a]', 'the wording to compare from: an alternative\'s label ("Alt 1") or "text" for the current wording')
    .argument('[b]', 'the wording to compare with')
    .addOption(new Option('--format <format>', 'output format (default: color in a terminal, plain otherwise)').choices(['color', 'plain', 'criticmarkup', 'json']))
    .option('--item <label>', 'compare within one item: f, f) or (f); #3 for the third item')
    .option('--whitespace', 'report differences in whitespace too')
    .addHelpText(
      'after',
      '\nExamples:\n  ndraft diff 61                    each alternative against Alt 1, with how alike they are\n  ndraft diff 61 "Alt 1" "Alt 3"    what Alt 3 changes in Alt 1\n  ndraft diff 71 "Alt 71g1" "Alt 71g2" --item f --format criticmarkup',
    )
    .action((number: string, a: string | undefined, b: string | undefined, opts) =>
      run(async (io) => (await import('./cli/commands/diff.js')).diffCommand(number, a, b, opts, io)),
    );

  /** The options of every command that changes the draft. */
  const changing = (name: string, delegation?: string) => {
    const cmd = command(name);
    // For positions --by names the delegation, who is also recorded as the author of the change.
    if (delegation) cmd.requiredOption('--by <name>', delegation);
    else cmd.option('--by <name>', 'who makes the change (default: NDRAFT_AUTHOR, git user.name, the OS user)');
    return cmd.option('-m, --message <text>', 'a note kept with the change in the history').option('--dry-run', 'show what would change, and write nothing');
  };

  changing('accept')
    .description('resolve contested text: accept an alternative or an option of a block, resolve bracket N, or keep/drop a bracketed paragraph')
    .argument('<paragraph>', 'the paragraph: its address or printed number; for an option block, its number or a paragraph inside it')
    .argument('[label]', 'the alternative to accept, e.g. "Alt 3" (it becomes the text of its paragraph or item), or the option of a block ("Option 2": the other options\' paragraphs are deleted)')
    .option('--bracket <n>', 'the bracket to resolve, as numbered by "ndraft show"')
    .option('--keep', 'with --bracket: keep its words')
    .option('--drop', 'with --bracket: remove its words')
    .option('--option <k>', 'with --bracket: choose option k of [a/b], or a labelled option by its label ("Option 2B" or 2B)')
    .option('--keep-paragraph', 'keep a paragraph that is bracketed as a whole')
    .option('--drop-paragraph', 'drop a paragraph that is bracketed as a whole (status deleted; the text is kept)')
    .option('--replace', 'with a label: the alternative replaces the whole text, whatever its scope')
    .option('--append', 'with a label: the alternative is added at the end of the text, whatever its scope')
    .addHelpText(
      'after',
      '\nExamples:\n  ndraft accept 61 "Alt 3"                  put where its scope says (see "ndraft scope")\n  ndraft accept 61 "Alt 3" --replace        as the whole text of 61\n  ndraft accept 3 "Option 2"                an option block numbered 3\n  ndraft accept 56 --bracket 1 --option 2\n  ndraft accept 76 --bracket 1 --drop\n  ndraft accept 61 --keep-paragraph\n\nThe wordings an accept replaces go to the history; "ndraft restore" brings them back.',
    )
    .action((number: string, label: string | undefined, opts) =>
      run(async (io) => (await import('./cli/commands/accept.js')).acceptCommand(number, label, opts, io)),
    );

  changing('merge')
    .description('streamline competing wordings into one text, bracketing only the words that differ')
    .argument('<paragraph>', 'the paragraph: its address or printed number')
    .argument('[labels...]', 'the alternatives to merge (default: all of them)')
    .option('--with-text', 'take the current text in as the first wording')
    .option('--item <label>', 'merge the alternatives of this item')
    .option('--apply', 'make the streamlined text the text; the merged alternatives go to history')
    .option('--json', 'print the streamlined text and the collision report as JSON')
    .addHelpText(
      'after',
      '\nExamples:\n  ndraft merge 61 "Alt 1" "Alt 2"           show the streamlined text and a collision report\n  ndraft merge 61 "Alt 1" "Alt 2" --apply   make it the text of 61',
    )
    .action((number: string, labels: string[], opts) => run(async (io) => (await import('./cli/commands/merge.js')).mergeCommand(number, labels, opts, io)));

  changing('agree')
    .description('mark a paragraph or one of its items agreed; refuses while anything in it is unresolved')
    .argument('<paragraph>', 'the paragraph: its address or printed number')
    .option('--item <label>', 'agree only this item, e.g. f')
    .option('--ad-ref', 'agreed ad referendum: pending confirmation from capitals')
    .addHelpText('after', '\nExamples:\n  ndraft agree 61\n  ndraft agree 71 --item f --ad-ref\n\nAn agreed paragraph is locked until "ndraft reopen".')
    .action((number: string, opts) => run(async (io) => (await import('./cli/commands/agree.js')).agreeCommand(number, opts, io)));

  changing('reopen')
    .description('open an agreed (or deleted) paragraph or item again')
    .argument('<paragraph>', 'the paragraph: its address or printed number')
    .option('--item <label>', 'reopen only this item')
    .action((number: string, opts) => run(async (io) => (await import('./cli/commands/agree.js')).reopenCommand(number, opts, io)));

  changing('propose', 'the delegation or group proposing it, e.g. EU')
    .description('add a competing wording (an alternative) proposed by a delegation')
    .argument('<paragraph>', 'the paragraph: its address or printed number')
    .requiredOption('--text <text>', 'the proposed wording, in bracket notation')
    .option('--label <label>', 'its label (default: the next "Alt N")')
    .option('--item <label>', 'propose it for this item rather than the paragraph')
    .addHelpText('after', '\nExample:\n  ndraft propose 61 --text "We further underline the need for [effective] cooperation." --by EU')
    .action((number: string, opts) => run(async (io) => (await import('./cli/commands/positions.js')).proposeCommand(number, opts, io)));

  for (const position of ['support', 'oppose'] as const) {
    changing(position, 'the delegation or group, e.g. G77')
      .description(`record that a delegation ${position === 'support' ? 'supports' : 'opposes'} an alternative`)
      .argument('<paragraph>', 'the paragraph: its address or printed number')
      .argument('<label>', 'the alternative, e.g. "Alt 2"')
      .addHelpText('after', `\nExample:\n  ndraft ${position} 61 "Alt 2" --by ${position === 'support' ? 'G77' : 'EU'}`)
      .action((number: string, label: string, opts) =>
        run(async (io) => (await import('./cli/commands/positions.js')).positionCommand(position, number, label, opts, io)),
      );
  }

  command('log')
    .description('list the changes made to the draft, newest first')
    .argument('[paragraph]', 'only the changes to this paragraph (its address or printed number)')
    .option('--json', 'print the history entries as JSON')
    .option('-n, --limit <count>', 'show at most this many changes')
    .action((number: string | undefined, opts) => run(async (io) => (await import('./cli/commands/log.js')).logCommand(number, opts, io)));

  changing('restore')
    .description('bring a wording dropped by an earlier change back, as an alternative')
    .argument('<paragraph>', 'the paragraph: its address or printed number')
    .argument('<label>', 'the dropped alternative, e.g. "Alt 1", or "text" for a replaced text')
    .option('--as <label>', 'the label to give it (default: its old label, or "Former text")')
    .action((number: string, label: string, opts) => run(async (io) => (await import('./cli/commands/restore.js')).restoreCommand(number, label, opts, io)));

  changing('scope')
    .description('say what an alternative competes for: the whole text (the default), a point to insert at, or words it replaces')
    .argument('<paragraph>', 'the paragraph: its address or printed number')
    .argument('[labels...]', 'the alternatives to scope, e.g. "Alt 1" "Alt 3" (default: all of them, of the paragraph or of --item)')
    .option('--insert-after-sentence <n>', 'inserted after sentence n of the text (sentences end outside brackets)')
    .option('--insert-at <where>', 'inserted at the start or the end of the text')
    .option('--replaces <words>', 'replaces these words of the text, which must occur in it once')
    .option('--whole', 'replaces the whole text (how import reads alternatives)')
    .option('--item <label>', 'the alternatives of this item rather than the paragraph\'s')
    .addHelpText(
      'after',
      '\nExamples:\n  ndraft scope 61 --insert-after-sentence 1     Alt 1 to 3 of 61 each add a sentence after the first\n  ndraft scope 58 "Alt 1" --replaces "all stakeholders"\n  ndraft scope 61 --whole                       back to replacing the whole text\n\n"ndraft accept" then puts the accepted alternative where its scope says; "ndraft show" names each scope.',
    )
    .action((number: string, labels: string[], opts) => run(async (io) => (await import('./cli/commands/scope.js')).scopeCommand(number, labels, opts, io)));

  command('snapshot')
    .description('record the draft as it is now, hand edits included, as a named revision (e.g. Rev.1) kept in the draft folder')
    .argument('<name>', 'the revision\'s name: letters, digits, ".", "-" and "_", e.g. Rev.1')
    .option('-m, --message <text>', 'a note kept with the revision')
    .option('--by <name>', 'who records it (default: NDRAFT_AUTHOR, git user.name, the OS user)')
    .option('--force', 'record the draft under a name already taken, replacing that revision')
    .addHelpText('after', '\nExamples:\n  ndraft snapshot Rev.1 -m "Chair\'s text after the first reading"\n  ndraft compare Rev.1                       what changed since\n\n"ndraft import" records the imported text as revision "import".')
    .action((name: string, opts) => run(async (io) => (await import('./cli/commands/snapshot.js')).snapshotCommand(name, opts, io)));

  command('revisions')
    .description('list the revisions recorded: name, date, author and the status figures at that point')
    .option('--json', 'print the revisions as JSON')
    .action((opts) => run(async (io) => (await import('./cli/commands/revisions.js')).revisionsCommand(opts, io)));

  command('compare')
    .description('what changed between two revisions, or since a revision: a summary, then paragraph by paragraph with word diffs')
    .argument('<a>', 'the revision to compare from, e.g. import or Rev.1')
    .argument('[b]', 'the revision to compare with (default: the draft as it is now, "working")')
    .addOption(new Option('--format <format>', 'output format (default: color in a terminal, plain otherwise)').choices(['color', 'plain', 'markdown', 'html', 'json']))
    .option('--section <number>', 'only the paragraphs of this section (and its subsections), e.g. 2 or 3a')
    .option('--paragraph <paragraph>', 'only this paragraph: its address or printed number')
    .addOption(new Option('--only <kind>', 'only paragraphs changed this way').choices(['changed', 'added', 'deleted', 'renumbered', 'moved', 'reworded', 'brackets', 'alternatives', 'status', 'agreed']))
    .addHelpText(
      'after',
      '\nExamples:\n  ndraft compare import                 everything changed since the import, hand edits included\n  ndraft compare import Rev.1\n  ndraft compare Rev.1 --only agreed    the paragraphs agreed since Rev.1\n  ndraft compare Rev.1 Rev.2 --format html > rev2-changes.html',
    )
    .action((a: string, b: string | undefined, opts) => run(async (io) => (await import('./cli/commands/compare.js')).compareCommand(a, b, opts, io)));

  changing('undo')
    .description('revert the last change that has not been undone (the undo is recorded too)')
    .action((opts) => run(async (io) => (await import('./cli/commands/undo.js')).undoCommand(opts, io)));

  return program;
}

export async function main(argv: readonly string[], io: Io = processIo()): Promise<number> {
  let exitCode = 0;
  const run = async (action: Action) => {
    const [{ setInputLimits }, { limitsFrom }] = await Promise.all([import('./limits/input-limits.js'), import('./cli/limit-options.js')]);
    setInputLimits(limitsFrom(program.opts(), io.env));
    try {
      exitCode = (await action(io)) ?? 0;
    } finally {
      setInputLimits();
    }
  };
  const program: Command = buildProgram(io, run);
  try {
    const { checkArguments } = await import('./cli/check-arguments.js');
    checkArguments(argv);
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
  const { describeSystemError } = await import('./cli/system-error.js');
  const system = err && describeSystemError(err as NodeJS.ErrnoException);
  if (system !== undefined) {
    io.error(`${c.red('ndraft:')} ${system}\n`);
    return 1;
  }
  // Only a real bug comes here: every input ndraft refuses is an NdraftError (SECURITY.md).
  io.error(`${c.red('ndraft: internal error:')} ${err?.message ?? String(error)}\nThis is a bug in ndraft; please report it with the command you ran (see SECURITY.md for a problem with security).\n`);
  if (io.env.NDRAFT_DEBUG) io.error(`${err?.stack ?? ''}\n`);
  return 70;
}
