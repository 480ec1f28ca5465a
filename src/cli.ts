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
  ndraft import chair-rev2.txt --into drafts/rev1 --as Rev.2
                                                   the chair's next revision into it, positions kept
  ndraft status                                    how far along is the text
  ndraft show 61                                   one paragraph, brackets numbered
  ndraft diff 61 Alt 1 Alt 3                       what differs between two wordings
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
    .option('--max-aliases <n>', 'refuse a YAML file expanding more aliases than this (NDRAFT_MAX_ALIASES; default 100)')
    .option('--max-pdf-pages <n>', 'refuse to import a PDF of more pages than this (NDRAFT_MAX_PDF_PAGES; default 2000)')
    .option('--max-zip-size <bytes>', 'refuse a .docx that unpacks to more than this, e.g. 512M (NDRAFT_MAX_ZIP_SIZE; default 256M)')
    .option('--max-zip-entries <n>', 'refuse a .docx with more members than this (NDRAFT_MAX_ZIP_ENTRIES; default 10000)')
    .option('--max-xml-depth <n>', 'refuse a .docx whose XML nests elements deeper than this (NDRAFT_MAX_XML_DEPTH; default 256)');
  const draftOption = () => new Option('--draft <dir>', 'the draft folder (default: the one holding draft.yaml here or above, or the single one under ./drafts)');
  const command = (name: string) => program.command(name).addOption(draftOption());

  program
    .command('import')
    .description('import a draft (UN conventions) from plain text, Markdown, a PDF or a Word .docx (its numbering, tracked changes and comments) into a new draft folder, or a later revision of its text into an existing draft (--into)')
    .argument('<file>', 'the file to read: text, Markdown, a PDF or a Word .docx (recognised by its content)')
    .option('--out <dir>', 'the draft folder to create')
    .option('--into <draft>', 'an existing draft whose text this file is a later revision of (e.g. the chair\'s Rev.2): its paragraphs are updated, keeping positions and notes; a Word copy of the draft (its DOCX export, edited) adds its tracked changes and comments as proposals and notes, the text unchanged')
    .option('--as <name>', 'with --into: the revision the new text is recorded as, e.g. Rev.2 (a new name); with a Word copy of the draft, the delegation its changes are proposed by (where delegations.yaml does not name the Word user)')
    .option('--title <title>', 'the draft title (default: from the file name; with --into, the draft keeps its own)')
    .option('--encoding <name>', 'the file\'s encoding when it is not UTF-8, e.g. windows-1252')
    .addOption(new Option('--from <format>', 'the source format: text (plain, or extracted from a PDF) or markdown (default: detected)').choices(['text', 'markdown']))
    .option('--conventions <file>', 'a YAML file of the negotiation\'s own spellings of labels and markers (e.g. "Artículo", "Opción", "(Acordado)"), added to the defaults (with --into: to those the draft has) and stored in the draft')
    .addOption(new Option('--tracked-changes <mode>', 'Word: alternatives (each author\'s changes become their alternatives), accept or reject them all').choices(['alternatives', 'accept', 'reject']))
    .option('--force', 'replace an existing draft in --out')
    .option('--discard-history', 'with --force: replace a draft that has a history, discarding it')
    .option('--json', 'print the summary and warnings as JSON')
    .option('--author <name>', 'with --into: who enters the change, for the history (default: NDRAFT_AUTHOR, git user.name, the OS user)')
    .option('-m, --message <text>', 'with --into: a note kept with the change and the revision')
    .option('--dry-run', 'with --into: show what would change, and write nothing')
    .addHelpText(
      'after',
      '\nExamples:\n  ndraft import rev1.txt --out drafts/rev1 --title "Chair\'s text, Rev.1"\n  ndraft import rev1.docx --out drafts/rev1                     Word: each author\'s tracked changes become their alternatives\n  ndraft import rev1.docx --out drafts/rev1 --tracked-changes accept\n  ndraft import L7.pdf --out drafts/l7         columns, running headers and footnotes read from the page\n  ndraft import rev2.txt --into drafts/rev1 --as Rev.2     the chair\'s next revision; then: ndraft compare Rev.1 Rev.2\n  ndraft import rev2.txt --into drafts/rev1 --as Rev.2 --dry-run\n  ndraft import eu-comments.docx --into drafts/rev1 --as EU   a delegation\'s Word copy: its tracked changes and comments as its proposals and notes',
    )
    .action((file: string, opts) =>
      run(async (io) =>
        opts.into !== undefined ? (await import('./cli/commands/import-into.js')).importIntoCommand(file, opts, io) : (await import('./cli/commands/import.js')).importCommand(file, opts, io),
      ),
    );

  command('export')
    .description('write the draft as a compilation (brackets, alternatives, statuses) or --clean, in text, md, html, docx, pdf, json or akn')
    .addOption(new Option('--format <format>', 'output format (pdf: laid out by ndraft; right-to-left and shaped scripts printed from the html by headless Chromium)').choices(['text', 'md', 'html', 'docx', 'pdf', 'json', 'akn']).default('text'))
    .option('--clean', 'the consolidated text: no brackets, markers or alternatives; refuses while anything is unresolved')
    .option('--agreed-only', 'only the agreed paragraphs and items, under their numbers, with a note of what was left out (implies --clean)')
    .option('--renumber', 'number the paragraphs consecutively')
    .option('--changes-since <revision>', 'docx, html, md: mark every word changed since a revision (e.g. Rev.1 or import; or a history id from "ndraft log"), each change by the history entry that made it')
    .option('--author <name>', 'with --changes-since: who the changes no history entry made are given to, such as hand edits (default: "unattributed")')
    .option('--line-numbers', 'html, pdf, docx: number the lines of each paragraph (80 characters a line), to cite "paragraph 61, line 3"')
    .option('--symbol <symbol>', 'the document symbol to show, e.g. A/CONF.999/L.1 (default: draft.yaml\'s symbol)')
    .option('--revision <name>', 'the revision to show, e.g. Rev.2')
    .option('--date <YYYY-MM-DD>', 'the date to show (default: draft.yaml\'s date; without one, html, pdf and docx show the day of export)')
    .option('-o, --output <file>', 'write to a file (atomically) instead of standard output')
    .option('--force', 'overwrite a file that is not an earlier export of this draft')
    .addHelpText(
      'after',
      '\nExamples:\n  ndraft export\n  ndraft export --format html -o rev2.html\n  ndraft export --clean --format docx -o rev2-clean.docx\n  ndraft export --agreed-only --format md\n  ndraft export --format docx --changes-since Rev.1 -o rev2-changes.docx\n  ndraft export --format html --changes-since import --author Secretariat -o changes.html\n  ndraft export --format pdf --line-numbers --revision Rev.2 -o rev2.pdf',
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
    .argument('[labels...]', 'two wordings: the one to compare from, then the one to compare with; an alternative\'s label (Alt 1, alt1, 1) or "text" for the current wording; quotes optional')
    .addOption(new Option('--format <format>', 'output format (default: color in a terminal, plain otherwise)').choices(['color', 'plain', 'criticmarkup', 'json']))
    .option('--item <label>', 'compare within one item: f, f) or (f); #3 for the third item')
    .option('--whitespace', 'report differences in whitespace too')
    .addHelpText(
      'after',
      '\nExamples:\n  ndraft diff 61                    each alternative against Alt 1, with how alike they are\n  ndraft diff 61 Alt 1 Alt 3        what Alt 3 changes in Alt 1 (also "Alt 1" "Alt 3", alt1 alt3)\n  ndraft diff 71 "Alt 71g1" "Alt 71g2" --item f --format criticmarkup',
    )
    .action((number: string, labels: string[], opts) => run(async (io) => (await import('./cli/commands/diff.js')).diffCommand(number, labels, opts, io)),
    );

  /** The options of every command that changes the draft. */
  /** --author, -m and --dry-run; and --by, the old spelling of --author, where --by names no delegation. */
  const writerOptions = (cmd: Command, delegation?: string) => {
    // --by names the delegation a position is entered for; --author the person entering it.
    if (delegation) cmd.requiredOption('--by <delegation>', delegation);
    else {
      // Before positions had their own --by, it named the author everywhere: old scripts still work.
      cmd.addOption(new Option('--by <name>', 'the same as --author').hideHelp());
      cmd.hook('preAction', (self) => {
        if (self.opts().author === undefined && self.opts().by !== undefined) self.setOptionValue('author', self.opts().by);
      });
    }
    return cmd
      .option('--author <name>', 'who enters the change, for the history (default: NDRAFT_AUTHOR, git user.name, the OS user)')
      .option('-m, --message <text>', 'a note kept with the change in the history')
      .option('--dry-run', 'show what would change, and write nothing');
  };
  const changing = (name: string, delegation?: string) => {
    return writerOptions(command(name), delegation);
  };

  changing('accept')
    .description('resolve contested text: accept an alternative or an option of a block, resolve bracket N or bracket span N, or keep/drop a bracketed paragraph')
    .argument('<paragraph>', 'the paragraph: its address or printed number; for an option block, its number or a paragraph inside it')
    .argument('[label...]', 'the alternative to accept, e.g. Alt 3 (quotes optional; also alt3, "Alt. 3", or 3 where only one label ends in 3), which becomes the text of its paragraph or item; or the option of a block (Option 2: the other options\' paragraphs are deleted)')
    .option('--bracket <n|words>', 'the bracket to resolve: its number as "ndraft show" prints it, or its words ("management/development", or one option\'s)')
    .option('--span <n>', 'the bracket span to resolve (one bracket over several paragraphs or items), as numbered by "ndraft show" (ˢ¹); every text it covers changes at once')
    .option('--keep', 'with --bracket or --span: keep its words (one bracket of [a]/[b]: that wording replaces the choice)')
    .option('--drop', 'with --bracket or --span: remove its words (with --span: an item left empty is removed, a paragraph left empty is deleted, its text kept)')
    .option('--option <k>', 'with --bracket: choose option k of [a/b] (of [a]/[b]: its k-th bracket), or a labelled option by its label ("Option 2B" or 2B; [MX propose: …] by MX)')
    .option('--keep-paragraph', 'keep a paragraph that is bracketed as a whole')
    .option('--drop-paragraph', 'drop a paragraph that is bracketed as a whole (status deleted; the text is kept)')
    .option('--replace', 'with a label: the alternative replaces the whole text, whatever its scope')
    .option('--append', 'with a label: the alternative is added at the end of the text, whatever its scope')
    .addHelpText(
      'after',
      '\nExamples:\n  ndraft accept 61 Alt 3                    put where its scope says (see "ndraft scope")\n  ndraft accept 61 Alt 3 --replace          as the whole text of 61\n  ndraft accept 3 Option 2                  an option block numbered 3\n  ndraft accept 56 --bracket 1 --option 2\n  ndraft accept 56 --bracket management/development --option 2\n  ndraft accept 76 --bracket 1 --drop\n  ndraft accept 5 --bracket "Contracting Parties" --keep   of [Member States]/[Contracting Parties]\n  ndraft accept 3 --span 1 --keep           bracket span 1, over paragraphs 3 and 4\n  ndraft accept 61 --keep-paragraph\n\nThe wordings an accept replaces go to the history; "ndraft restore" brings them back.',
    )
    .action((number: string, label: string[], opts) =>
      run(async (io) => (await import('./cli/commands/accept.js')).acceptCommand(number, joinLabel(label), opts, io)),
    );

  changing('merge')
    .description('streamline competing wordings into one text, bracketing only the words that differ')
    .argument('<paragraph>', 'the paragraph: its address or printed number')
    .argument('[labels...]', 'the alternatives to merge, quotes optional (Alt 1 Alt 2); default: all of them')
    .option('--with-text', 'take the current text in as the first wording')
    .option('--item <label>', 'merge the alternatives of this item')
    .option('--apply', 'make the streamlined text the text; the merged alternatives go to history')
    .option('--json', 'print the streamlined text and the collision report as JSON')
    .addHelpText(
      'after',
      '\nExamples:\n  ndraft merge 61 Alt 1 Alt 2               show the streamlined text and a collision report\n  ndraft merge 61 "Alt 1" "Alt 2" --apply   make it the text of 61',
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

  changing('propose', 'the delegation or group proposing it, e.g. EU (any name delegations.yaml gives it)')
    .description('add a competing wording (an alternative) proposed by a delegation')
    .argument('<paragraph>', 'the paragraph: its address or printed number')
    .requiredOption('--text <text>', 'the proposed wording, in bracket notation')
    .option('--label <label>', 'its label (default: the next "Alt N")')
    .option('--item <label>', 'propose it for this item rather than the paragraph')
    .addHelpText('after', '\nExample:\n  ndraft propose 61 --text "We further underline the need for [effective] cooperation." --by EU')
    .action((number: string, opts) => run(async (io) => (await import('./cli/commands/positions.js')).proposeCommand(number, opts, io)));

  const positionHelp = {
    support: ['record that a delegation supports an alternative, or wants the words of a bracket kept', 'ndraft support 61 "Alt 3" --by US'],
    oppose: ['record that a delegation opposes an alternative, or wants the words of a bracket dropped', 'ndraft oppose 61 "Alt 2" --by EU'],
    withdraw: ['take back a delegation\'s position on an alternative or a bracket; a proposal nobody else backs leaves the paragraph', 'ndraft withdraw 61 "Alt 4" --by EU'],
  } as const;
  const bracketExample = { support: 'ndraft support 56 --bracket 1 --by EU        keep the words of bracket 1', oppose: 'ndraft oppose 56 --bracket management/development --by G77', withdraw: 'ndraft withdraw 56 --bracket 1 --by EU' } as const;
  for (const position of ['support', 'oppose', 'withdraw'] as const) {
    changing(position, 'the delegation or group, e.g. G77 (any name delegations.yaml gives it)')
      .description(positionHelp[position][0])
      .argument('<paragraph>', 'the paragraph: its address or printed number')
      .argument('[label...]', 'the alternative, e.g. Alt 2 (quotes optional); or give --bracket')
      .option('--bracket <n|words>', 'a bracket instead of an alternative: its number as "ndraft show" prints it, or its words (support: keep its words; oppose: drop them)')
      .addHelpText('after', `\nExamples:\n  ${positionHelp[position][1]}\n  ${bracketExample[position]}\n\nThe history records --by (as delegations.yaml names it) as onBehalfOf, and the person as author.`)
      .action((number: string, label: string[], opts) =>
        run(async (io) => (await import('./cli/commands/positions.js')).positionCommand(position, number, label.join(' '), opts, io)),
      );
  }

  command('positions')
    .description('a matrix of positions: delegations × open alternatives and brackets, each cell proposed, supported or opposed')
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'md', 'html', 'json']).default('table'))
    .option('--expand-groups', 'give each member of a group (from delegations.yaml) the group\'s position where it holds none of its own')
    .option('--paragraph <paragraph>', 'only this paragraph\'s alternatives')
    .option('--section <number>', 'only the alternatives of this section and its subsections, e.g. 3a')
    .addHelpText('after', '\nExamples:\n  ndraft positions\n  ndraft positions --expand-groups --format md\n  ndraft positions --section 3a --format json')
    .action((opts) => run(async (io) => (await import('./cli/commands/positions-matrix.js')).positionsCommand(opts, io)));

  const delegation = program
    .command('delegation')
    .description('name the delegations and groups of the draft (delegations.yaml): aliases, members')
    .addHelpText('after', '\nExamples:\n  ndraft delegation add "United States" --alias US --alias USA\n  ndraft delegation add "European Union" --alias EU --member France --member Germany\n  ndraft delegation add Italy --group EU\n  ndraft delegation list');
  const collect = (value: string, previous: string[] = []) => [...previous, value];
  delegation
    .command('add')
    .description('add a delegation or group to delegations.yaml (created if the draft has none)')
    .argument('<name>', 'its canonical name, stored in positions and history, e.g. "United States"')
    .addOption(draftOption())
    .option('--alias <name>', 'another name --by accepts for it (repeat for more)', collect)
    .option('--group <group>', 'make it a member of this group')
    .option('--member <delegation>', 'make it a group with this member, a delegation of the file (repeat for more)', collect)
    .option('--dry-run', 'say what would be added, and write nothing')
    .action((name: string, opts) => run(async (io) => (await import('./cli/commands/delegation.js')).delegationAddCommand(name, opts, io)));
  delegation
    .command('list')
    .description('list the delegations and groups of delegations.yaml')
    .addOption(draftOption())
    .option('--json', 'print delegations.yaml\'s content as JSON')
    .action((opts) => run(async (io) => (await import('./cli/commands/delegation.js')).delegationListCommand(opts, io)));

  command('log')
    .description('list the changes made to the draft, newest first, with the revisions recorded between them; or one paragraph\'s life story across revisions (--revisions)')
    .argument('[paragraph]', 'only the changes to this paragraph (its address or printed number)')
    .option('--json', 'print the history entries as JSON')
    .option('-n, --limit <count>', 'show at most this many changes')
    .option('--revisions', "the paragraph's life story: its wording, status and brackets in each revision (import, Rev.1, …) and now, with word diffs where it changed")
    .addHelpText('after', '\nExamples:\n  ndraft log -n 5                 the last five changes, and the revisions recorded between them\n  ndraft log 61                   the changes to paragraph 61\n  ndraft log 61 --revisions       paragraph 61 in import, Rev.1, … and the working draft')
    .action((number: string | undefined, opts) => run(async (io) => (await import('./cli/commands/log.js')).logCommand(number, opts, io)));

  changing('restore')
    .description('bring a wording dropped by an earlier change back, as an alternative')
    .argument('<paragraph>', 'the paragraph: its address or printed number')
    .argument('<label...>', 'the dropped alternative, e.g. Alt 1 (quotes optional), or "text" for a replaced text')
    .option('--as <label>', 'the label to give it (default: its old label, or "Former text")')
    .action((number: string, label: string[], opts) => run(async (io) => (await import('./cli/commands/restore.js')).restoreCommand(number, label.join(' '), opts, io)));

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

  const placeOptions = (cmd: Command) =>
    cmd
      .option('--after <paragraph>', 'put it after this paragraph (in the same section, or the same option of a block)')
      .option('--before <paragraph>', 'put it before this paragraph')
      .option('--section <section>', 'put it last in this section, e.g. 3b (first with --first)')
      .option('--first', 'with --section: first in the section');

  placeOptions(changing('add'))
    .description('add a new paragraph to the outline, with its text in bracket notation')
    .argument('<address>', 'its address, new in the draft: e.g. 61bis (also its printed number unless --number or --unnumbered)')
    .requiredOption('--text <text>', 'its wording, in bracket notation')
    .option('--number <number>', 'the number printed for it (default: the address, when it reads as a number)')
    .option('--unnumbered', 'print no number (a preambular paragraph)')
    .option('--bracketed', 'the whole paragraph stands in brackets: proposed, to be kept or dropped')
    .addHelpText('after', '\nExamples:\n  ndraft add 61bis --after 61 --text "We note the [growing] threat of spam."\n  ndraft add 76bis --section 5 --bracketed --text "We request a report by 2027."')
    .action((address: string, opts) => run(async (io) => (await import('./cli/commands/add.js')).addCommand(address, opts, io)));

  placeOptions(changing('move'))
    .description('move a paragraph elsewhere in the outline; its address and number stay')
    .argument('<paragraph>', 'the paragraph: its address or printed number')
    .addHelpText('after', '\nExamples:\n  ndraft move 62 --after 64\n  ndraft move 75 --section 5 --first')
    .action((ref: string, opts) => run(async (io) => (await import('./cli/commands/move.js')).moveCommand(ref, opts, io)));

  changing('delete')
    .description('mark a paragraph (or an item) deleted; its text is kept, and "ndraft reopen" brings it back')
    .argument('<paragraph>', 'the paragraph: its address or printed number')
    .option('--item <label>', 'delete only this item, e.g. b')
    .addHelpText('after', '\nExamples:\n  ndraft delete 62\n  ndraft delete 71 --item b')
    .action((ref: string, opts) => run(async (io) => (await import('./cli/commands/delete.js')).deleteCommand(ref, opts, io)));

  changing('edit')
    .description('reword a paragraph\'s text (or an item\'s, or an alternative\'s) in $VISUAL or $EDITOR, or with --text; shows the word diff')
    .argument('<paragraph>', 'the paragraph: its address or printed number')
    .option('--item <label>', 'edit this item\'s text')
    .option('--alternative <label>', 'edit this alternative\'s text (of the item, with --item)')
    .option('--text <text>', 'the new wording, without opening an editor')
    .option('--file <file>', 'read the new wording from a file in the editor\'s format (as kept after a refused edit)')
    .addHelpText(
      'after',
      '\nExamples:\n  ndraft edit 61                          opens the text in your editor\n  ndraft edit 71 --item f --text "Encouraging ISPs [and other parties] to adopt best practices."\n\nNo lock is held while the editor is open; the edit is refused if the paragraph changed meanwhile, and your text is kept.',
    )
    .action((ref: string, opts) => run(async (io) => (await import('./cli/commands/edit.js')).editCommand(ref, opts, io)));

  command('bracket')
    .description('put words of a paragraph in brackets: they become contested, e.g. a delegation asks to delete them')
    .argument('<paragraph>', 'the paragraph: its address or printed number')
    .requiredOption('--words <words>', 'the words, as they stand in the text (whole words; spacing does not matter)')
    .option('--item <label>', 'in this item\'s text')
    .option('--occurrence <n>', 'which match, from 1, when the words are found more than once')
    .option('--by <delegation>', 'the delegation asking for the brackets (any name delegations.yaml gives it; the history records it as onBehalfOf)')
    .option('--author <name>', 'who enters the change, for the history (default: NDRAFT_AUTHOR, git user.name, the OS user)')
    .option('-m, --message <text>', 'a note kept with the change in the history (default: "asked by <delegation>")')
    .option('--dry-run', 'show what would change, and write nothing')
    .addHelpText('after', '\nExamples:\n  ndraft bracket 40 --words "in particular" --by G77\n  ndraft bracket 71 --item a --words "commercially-negotiated" --by EU')
    .action((ref: string, opts) => run(async (io) => (await import('./cli/commands/bracket.js')).bracketCommand(ref, opts, io)));

  changing('note')
    .description('add a note to a paragraph or an item, signed with the author (--author) and today\'s date; never negotiating text')
    .argument('<paragraph>', 'the paragraph: its address or printed number')
    .argument('<text>', 'the note')
    .option('--item <label>', 'note this item')
    .addOption(new Option('--kind <kind>', 'comment (a person\'s remark) or editorial (a remark on the text)').choices(['comment', 'editorial']))
    .addHelpText('after', '\nExamples:\n  ndraft note 61 "Chair to consult informally" --author Secretariat\n  ndraft note 71 "Check the legal wording" --item f --kind editorial')
    .action((ref: string, text: string, opts) => run(async (io) => (await import('./cli/commands/note.js')).noteCommand(ref, text, opts, io)));

  const section = program.command('section').description('add a section to the outline, retitle one, or add a note to one');
  const sectionCommand = (name: string) =>
    writerOptions(section.command(name).addOption(draftOption()));
  sectionCommand('add')
    .description('add an empty section; "ndraft add --section" and "ndraft move --section" fill it')
    .argument('<number>', 'its number, new in the draft, e.g. 3c')
    .option('--title <title>', 'its title')
    .option('--after <section>', 'put it after this section, at the same level (default: last)')
    .option('--in <section>', 'put it last among this section\'s subsections')
    .addHelpText('after', '\nExamples:\n  ndraft section add 3c --title "Cybersecurity" --after 3b\n  ndraft section add 6 --title "Final provisions"')
    .action((number: string, opts) => run(async (io) => (await import('./cli/commands/section.js')).sectionAddCommand(number, opts, io)));
  sectionCommand('rename')
    .description('give a section a new title')
    .argument('<section>', 'the section, by its number, e.g. 3b')
    .requiredOption('--title <title>', 'the new title')
    .addHelpText('after', '\nExample:\n  ndraft section rename 5 --title "Follow-up"')
    .action((ref: string, opts) => run(async (io) => (await import('./cli/commands/section.js')).sectionRenameCommand(ref, opts, io)));
  sectionCommand('note')
    .description('add a note to a section heading, signed with the author (--author) and today\'s date')
    .argument('<section>', 'the section, by its number, e.g. 3b')
    .argument('<text>', 'the note')
    .addOption(new Option('--kind <kind>', 'comment (a person\'s remark) or editorial (a remark on the text)').choices(['comment', 'editorial']))
    .addHelpText('after', '\nExample:\n  ndraft section note 3b "Facilitator: Kenya" --kind editorial')
    .action((ref: string, text: string, opts) => run(async (io) => (await import('./cli/commands/section.js')).sectionNoteCommand(ref, text, opts, io)));

  command('snapshot')
    .description('record the draft as it is now, hand edits included, as a named revision (e.g. Rev.1) kept in the draft folder')
    .argument('<name>', 'the revision\'s name: letters, digits, ".", "-" and "_", e.g. Rev.1')
    .option('-m, --message <text>', 'a note kept with the revision')
    .option('--author <name>', 'who records it (default: NDRAFT_AUTHOR, git user.name, the OS user)')
    .addOption(new Option('--by <name>', 'the same as --author').hideHelp())
    .option('--force', 'record the draft under a name already taken, replacing that revision')
    .addHelpText('after', '\nExamples:\n  ndraft snapshot Rev.1 -m "Chair\'s text after the first reading"\n  ndraft compare Rev.1                       what changed since\n\n"ndraft import" records the imported text as revision "import".')
    .action((name: string, opts) => run(async (io) => (await import('./cli/commands/snapshot.js')).snapshotCommand(name, opts, io)));

  command('revisions')
    .description('list the revisions recorded: name, date, author and the status figures at that point')
    .option('--json', 'print the revisions as JSON')
    .action((opts) => run(async (io) => (await import('./cli/commands/revisions.js')).revisionsCommand(opts, io)));

  command('compare')
    .description('what changed between two revisions, or since a revision: a summary, then paragraph by paragraph with word diffs')
    .argument('<a>', 'the revision to compare from, e.g. import or Rev.1 (with --git: a git revision, e.g. HEAD~1)')
    .argument('[b]', 'the revision to compare with (default: the draft as it is now, "working")')
    .addOption(new Option('--format <format>', 'output format (default: color in a terminal, plain otherwise)').choices(['color', 'plain', 'markdown', 'html', 'json']))
    .option('--section <number>', 'only the paragraphs of this section (and its subsections), e.g. 2 or 3a')
    .option('--paragraph <paragraph>', 'only this paragraph: its address or printed number')
    .addOption(new Option('--only <kind>', 'only paragraphs changed this way').choices(['changed', 'added', 'deleted', 'renumbered', 'moved', 'reworded', 'brackets', 'alternatives', 'status', 'agreed']))
    .option('--git', 'a and b are git revisions (a commit, branch or tag, e.g. HEAD~1 or origin/main): the draft as committed there, read through git')
    .addHelpText(
      'after',
      '\nExamples:\n  ndraft compare import                 everything changed since the import, hand edits included\n  ndraft compare import Rev.1\n  ndraft compare Rev.1 --only agreed    the paragraphs agreed since Rev.1\n  ndraft compare Rev.1 Rev.2 --format html > rev2-changes.html\n  ndraft compare --git HEAD             what changed since the last commit\n  ndraft compare --git main origin/main what a pull would bring in',
    )
    .action((a: string, b: string | undefined, opts) => run(async (io) => (await import('./cli/commands/compare.js')).compareCommand(a, b, opts, io)));

  command('git-setup')
    .description('make git understand the draft: .gitattributes and git config for the merge driver and the word-diff textconv, .ndraft/ ignored')
    .option('--dry-run', 'print what it would write, and write nothing')
    .addHelpText(
      'after',
      '\nExamples:\n  ndraft git-setup              once per clone; commit the .gitattributes it writes\n  ndraft git-setup --dry-run\n\nThe driver runs "ndraft" when ndraft is on PATH, else the absolute path of this ndraft.',
    )
    .action((opts) => run(async (io) => (await import('./cli/commands/git-setup.js')).gitSetupCommand(opts, io)));

  program
    .command('textconv')
    .description('print a paragraph file as lines of text, one per text, item and alternative: the diff driver git-setup configures for git diff and git log -p')
    .argument('<file>', 'a paragraph file (git passes it); anything else is printed as it is')
    .addHelpText('after', '\nExamples:\n  ndraft textconv paragraphs/061.yaml\n  git diff --word-diff                 after "ndraft git-setup", shows the words that changed')
    .action((file: string) => run(async (io) => (await import('./cli/commands/textconv.js')).textconvCommand(file, io)));

  program
    .command('merge-driver')
    .description('the git merge driver for draft files: git runs it as "ndraft merge-driver %O %A %B %P" (see "ndraft git-setup"); exit 0 merged, 1 conflict')
    .argument('<base>', '%O: the common version')
    .argument('<ours>', '%A: our version; the merged file is written here')
    .argument('<theirs>', '%B: their version')
    .argument('[path]', '%P: the file\'s path in the repository (tells a paragraph file from draft.yaml)')
    .addHelpText('after', '\nIn .git/config (ndraft git-setup writes it):\n  [merge "ndraft"]\n    driver = ndraft merge-driver %O %A %B %P\nand in .gitattributes:\n  paragraphs/*.yaml merge=ndraft\n  draft.yaml merge=ndraft')
    .action((base: string, ours: string, theirs: string, path: string | undefined) => run(async (io) => (await import('./cli/commands/merge-driver.js')).mergeDriverCommand(base, ours, theirs, path, io)));

  changing('resolve-conflicts')
    .description('merge the files a merge without ndraft\'s driver left with git conflict markers, as the driver would have: both wordings of a text become alternatives')
    .addHelpText('after', '\nExample:\n  git merge origin/main        a web merge, or a clone without "ndraft git-setup", leaves <<<<<<< markers\n  ndraft validate              names the files: "git conflict markers: run ndraft resolve-conflicts"\n  ndraft resolve-conflicts\n  git add drafts/rev1 && git commit')
    .action((opts) => run(async (io) => (await import('./cli/commands/resolve-conflicts.js')).resolveConflictsCommand(opts, io)));

  changing('reconcile')
    .description('merge another copy of the draft into this one, without git, from the latest revision both hold: both wordings of a text become alternatives')
    .argument('<other>', 'the other copy\'s draft folder')
    .addHelpText('after', '\nExamples:\n  ndraft reconcile ../from-eu/drafts/rev1 --dry-run   what merging it would change\n  ndraft reconcile ../from-eu/drafts/rev1')
    .action((other: string, opts) => run(async (io) => (await import('./cli/commands/reconcile.js')).reconcileCommand(other, opts, io)));

  changing('undo')
    .description('revert your last change that has not been undone (the undo is recorded too)')
    .option('--force', 'undo the last change even when someone else made it (after a pull or a merge)')
    .addHelpText('after', '\nExamples:\n  ndraft undo                 your last change\n  ndraft undo --force         the last change, whoever made it\n\nYour changes are those recorded under your name: --author, else NDRAFT_AUTHOR, git user.name, the OS user.')
    .action((opts) => run(async (io) => (await import('./cli/commands/undo.js')).undoCommand(opts, io)));

  return program;
}

/** A label typed as several words (`accept 61 Alt 3`, unquoted) is those words joined by a space. */
function joinLabel(words: readonly string[]): string | undefined {
  return words.length === 0 ? undefined : words.join(' ');
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
