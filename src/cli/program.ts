import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { MAX_ROUNDS, closest, presetIds } from '../presets/index.js';
import { listCommand, runCommand, validateCommand } from './commands.js';
import { EXIT_OK, EXIT_USAGE, type CliIo } from './io.js';

const COMMANDS = ['run', 'list', 'validate', 'help'];
const HELP_HINT = '(liqloop --help lists the commands and options)';

function parseRounds(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isInteger(n) || n < 1 || n > MAX_ROUNDS) {
    throw new InvalidArgumentError(
      `expected a whole number from 1 to ${MAX_ROUNDS}, got ${JSON.stringify(value)}.`,
    );
  }
  return n;
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
    .argument('[preset]', 'open the dashboard on this preset (a name from presets/ or a path)')
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .exitOverride()
    .showSuggestionAfterError()
    .showHelpAfterError(HELP_HINT)
    .allowExcessArguments()
    .action(async (ref: string | undefined, _options: unknown, command: Command) => {
      if (ref !== undefined && !ref.includes('.') && !ref.includes('/')) {
        const suggestion = closest(ref, COMMANDS);
        if (suggestion && suggestion !== ref) {
          if (!presetIds().includes(ref)) {
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
          `liqloop: too many arguments: expected at most one preset, got ${command.args.length}.\n${HELP_HINT}\n`,
        );
        status = EXIT_USAGE;
        return;
      }
      status = await openApp(ref);
    });

  program
    .command('run')
    .description('run a preset headless and print each round and a summary')
    .argument('<preset>', 'a name from presets/ (file name without .json) or a path to a preset file')
    .option('--json', 'print one JSON object instead of the table')
    .option('--rounds <n>', 'the most rounds to run (overrides the preset)', parseRounds)
    .action((ref: string, options: { json?: boolean; rounds?: number }) => {
      status = runCommand(ref, options, io);
    });

  program
    .command('list')
    .description('list the presets')
    .option('--json', 'print [{id, name, description}]')
    .action((options: { json?: boolean }) => {
      status = listCommand(options, io);
    });

  program
    .command('validate')
    .description('check a preset file and print every problem')
    .argument('<file>', 'the preset file')
    .action((file: string) => {
      status = validateCommand(file, io);
    });

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
