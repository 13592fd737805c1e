import { Command, CommanderError, InvalidArgumentError } from 'commander';
// Start-up: this module is loaded for every command, so it imports only what reading the command line
// needs. Each command's module (and with it the preset validator, the engine, the UI) is imported when
// that command runs; `liqloop list` never builds the schema (src/presets/shipped-index.ts).
import { knownPresetIds } from '../presets/ids.js';
import { parseOverride, type Override } from '../presets/override-parse.js';
import { parsePath } from '../presets/path.js';
import { closest } from '../presets/problems.js';
import { MAX_ROUNDS } from '../presets/limits.js';
import { COMPLETE_COMMAND, SHELLS, completionCommand } from './completion.js';
import { EXIT_OK, EXIT_USAGE, type CliIo } from './io.js';
import { parseOutFile } from './out.js';
import { conventionalError } from './messages.js';
import { LIQLOOP_VERSION } from './version.js';
import { MAX_SWEEP_STEPS, TIPPING_METRICS, type TippingMetric } from '../whatif/sweep.js';

const COMMANDS = ['run', 'compare', 'sweep', 'list', 'validate', 'schema', 'completion', 'help'];
const PRESET_ARG = 'a preset name (liqloop list), a path to a preset file, or - to read it from stdin';
const HELP_HINT = '(liqloop --help lists the commands and options)';

function parseRounds(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isInteger(n) || n < 1 || n > MAX_ROUNDS) {
    throw new InvalidArgumentError(
      `expected a whole number from 1 to ${MAX_ROUNDS}, got ${JSON.stringify(value)}`,
    );
  }
  return n;
}

function parseFinite(value: string): number {
  const n = Number(value.trim());
  if (value.trim() === '' || !Number.isFinite(n))
    throw new InvalidArgumentError(`expected a finite number, got ${JSON.stringify(value)}`);
  return n;
}

function parseSteps(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || n < 2 || n > MAX_SWEEP_STEPS) {
    throw new InvalidArgumentError(
      `expected a whole number from 2 to ${MAX_SWEEP_STEPS}, got ${JSON.stringify(value)}`,
    );
  }
  return n;
}

function parseTipping(value: string): TippingMetric {
  const metric = TIPPING_METRICS.find((m) => m === value.trim());
  if (!metric)
    throw new InvalidArgumentError(
      `expected one of ${TIPPING_METRICS.map((m) => JSON.stringify(m)).join(', ')}, got ${JSON.stringify(value)}.`,
    );
  return metric;
}

function parseParam(value: string): string {
  const parsed = parsePath(value);
  if (!parsed.ok)
    throw new InvalidArgumentError(`expected a field path like market.depth2pct: ${parsed.message}`);
  return value.trim();
}

/** Commander's parser for a repeatable `--set path=value`: a malformed one is a usage error. */
export function collectOverride(arg: string, previous: Override[] | undefined): Override[] {
  const parsed = parseOverride(arg, '--set');
  if (!parsed.ok) throw new InvalidArgumentError(`${parsed.message}; e.g. --set market.depth2pct=1e6`);
  return [...(previous ?? []), parsed.value];
}

const SET_HELP =
  'override a preset field: a dotted path (positions.0.debt), a JSON value or a plain string; repeatable';
const OUT_HELP = 'write the result to FILE.json (the --json object) or FILE.csv (a table) instead of stdout';

interface OutputFlags {
  json?: boolean;
  rounds?: number;
  set?: Override[];
  out?: string;
  force?: boolean;
}

/** What to do when no subcommand is given: open the app (the CLI entry decides how). */
export type OpenApp = (presetRef: string | undefined) => Promise<number>;

/**
 * Parses `argv` (without node and script) and runs the command. Resolves to the exit status.
 * Headless commands never load the UI: `openApp` is only called for `liqloop [preset]`.
 */
export async function runCli(argv: readonly string[], io: CliIo, openApp: OpenApp): Promise<number> {
  let status = EXIT_OK;
  const program = new Command('liqloop')
    .description('Watch liquidation feedback loops unfold, round by round.')
    .version(LIQLOOP_VERSION, '-V, --version', 'print the version')
    .argument('[preset]', 'open the dashboard on this preset (a name from liqloop list, or a path)')
    .configureOutput({
      writeOut: io.out,
      writeErr: io.err,
      outputError: (text, write) => write(conventionalError(text)),
    })
    .helpCommand('help [command]', 'show help for a command')
    .exitOverride()
    .showSuggestionAfterError()
    .showHelpAfterError(HELP_HINT)
    .allowExcessArguments()
    .action(async (ref: string | undefined, _options: unknown, command: Command) => {
      if (ref !== undefined && !ref.includes('.') && !ref.includes('/')) {
        const suggestion = closest(ref, COMMANDS);
        if (suggestion && suggestion !== ref) {
          if (!knownPresetIds().includes(ref)) {
            io.err(
              `liqloop: unknown command or preset ${JSON.stringify(ref)}; did you mean "${suggestion}"?\n`,
            );
            status = EXIT_USAGE;
            return;
          }
        }
      }
      if (command.args.length > 1) {
        io.err(
          `liqloop: too many arguments: expected at most one preset, got ${command.args.length}\n${HELP_HINT}\n`,
        );
        status = EXIT_USAGE;
        return;
      }
      if (ref === '-') {
        io.err(
          'liqloop: the dashboard reads keys from stdin, so it cannot read a preset there too; save the preset to a file and open that\n',
        );
        status = EXIT_USAGE;
        return;
      }
      status = await openApp(ref);
    });

  program
    .command('run')
    .description('run a preset headless and print each round and a summary')
    .argument('<preset>', PRESET_ARG)
    .option('--json', 'print one JSON object instead of the table')
    .option('--rounds <n>', 'the most rounds to run (overrides the preset)', parseRounds)
    .option('--set <path=value>', SET_HELP, collectOverride)
    .option('--out <file>', OUT_HELP, parseOutFile)
    .option('--force', 'let --out replace an existing file')
    .option(
      '--robust',
      "rerun over seeds 1-10, each fitted parameter and the venues' depth at ±20%, and beside the twin without the loop: each recorded figure's range and the loop's share",
    )
    .action(async (ref: string, options: OutputFlags & { robust?: boolean }) => {
      status = await (await import('./commands.js')).runCommand(ref, options, io);
    });

  program
    .command('compare')
    .description('run a preset and a variant of it (--set) and print them side by side with the difference')
    .argument('<preset>', PRESET_ARG)
    .option('--set <path=value>', `${SET_HELP} (at least one)`, collectOverride)
    .option('--json', 'print one JSON object {preset, overrides, baseline, variant, difference}')
    .option('--rounds <n>', 'the most rounds to run (overrides the preset)', parseRounds)
    .option('--out <file>', OUT_HELP, parseOutFile)
    .option('--force', 'let --out replace an existing file')
    .action(async (ref: string, options: OutputFlags) => {
      status = await (await import('./compare.js')).compareCommand(ref, options, io);
    });

  program
    .command('sweep')
    .description('run a preset once per value of one field, in parallel, and name the tipping point')
    .argument('<preset>', PRESET_ARG)
    .requiredOption('--param <path>', 'the field to sweep, a dotted path (market.depth2pct)', parseParam)
    .requiredOption('--from <a>', 'the first value', parseFinite)
    .requiredOption('--to <b>', 'the last value', parseFinite)
    .requiredOption('--steps <n>', `how many values, from 2 to ${MAX_SWEEP_STEPS}, evenly spaced`, parseSteps)
    .option('--set <path=value>', `${SET_HELP} (applied before --param)`, collectOverride)
    .option(
      '--tipping <figure>',
      `the summary figure the tipping point reads: ${TIPPING_METRICS.join(', ')} (default amplification)`,
      parseTipping,
    )
    .option('--json', 'print one JSON object {preset, param, values, runs, tippingPoint}')
    .option('--rounds <n>', 'the most rounds each run may take (overrides the preset)', parseRounds)
    .option('--out <file>', OUT_HELP, parseOutFile)
    .option('--force', 'let --out replace an existing file')
    .action(
      async (
        ref: string,
        options: OutputFlags & {
          param: string;
          from: number;
          to: number;
          steps: number;
          tipping?: TippingMetric;
        },
      ) => {
        status = await (await import('./sweep.js')).sweepCommand(ref, options, io);
      },
    );

  program
    .command('list')
    .description('list the presets')
    .option('--json', 'print [{id, name, description}]')
    .action(async (options: { json?: boolean }) => {
      status = await (await import('./list.js')).listCommand(options, io);
    });

  program
    .command('validate')
    .description('check a preset and print every problem')
    .argument('<preset>', PRESET_ARG)
    .action(async (ref: string) => {
      status = await (await import('./validate.js')).validateCommand(ref, io);
    });

  program
    .command('schema')
    .description('print the JSON Schema of a preset file (also shipped as schema/preset.schema.json)')
    .action(async () => {
      io.out((await import('../presets/json-schema.js')).presetJsonSchemaText());
    });

  program
    .command('completion')
    .description(`print a shell completion script (${SHELLS.join(', ')}); see the README to install it`)
    .argument('<shell>', SHELLS.join(' | '))
    .action((shell: string) => {
      status = completionCommand(shell, io);
    });

  // The root takes extra words to name them in its own message; a command given one too many is a usage error.
  for (const command of program.commands) command.allowExcessArguments(false);

  if (argv[0] === COMPLETE_COMMAND)
    return (await import('./complete.js')).completeCommand(program, argv.slice(1), io);
  const [first, topic] = argv;
  if (first === 'help' && topic !== undefined && !program.commands.some((c) => c.name() === topic)) {
    const suggestion = closest(topic, COMMANDS);
    io.err(
      `liqloop: no command named ${JSON.stringify(topic)}${suggestion ? `; did you mean ${JSON.stringify(suggestion)}?` : ''}\n${HELP_HINT}\n`,
    );
    return EXIT_USAGE;
  }
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      const shown = ['commander.helpDisplayed', 'commander.version', 'commander.help'].includes(error.code);
      return shown ? EXIT_OK : EXIT_USAGE;
    }
    throw error;
  }
  return status;
}
