import { runCli } from '../../src/cli/program.js';
import type { CliResult } from '../helpers/cli.js';

/**
 * Runs `liqloop args` in this process, from the sources, with stdout and stderr captured: the same
 * program as the built command, without the cost of a process. `sweep` needs the built worker script,
 * so its runs go through `liqloop` from test/helpers/cli.ts instead. `columns` plays a terminal that wide.
 */
export async function liqloopHere(args: string[], options: { columns?: number } = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const io = {
    out: (text: string) => void (stdout += text),
    err: (text: string) => void (stderr += text),
    columns: options.columns,
  };
  const status = await runCli(args, io, () => Promise.reject(new Error('the dashboard is not for tests')));
  return { status, stdout, stderr };
}
