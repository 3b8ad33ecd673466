/** Runs the CLI as an editor does (`node cli/bin.js …`, what `npx belarus-release` runs). */
import { execFile } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

export interface CliResult {
  code: number;
  out: string;
  err: string;
}

/**
 * @example
 * const { code, out } = await cli('validate');
 */
export async function cli(...args: string[]): Promise<CliResult> {
  return cliWith({}, ...args);
}

/**
 * The CLI with extra environment variables. By default it writes the bases of the files it
 * pulls and pushes (cli/state.ts) to a temporary folder, not to the checkout's own state.
 *
 * @example
 * await cliWith({ BELARUS_RELEASE_STATE_DIR: dir }, 'pull', 'belarus-2025-12', '--out', file);
 */
export async function cliWith(env: Record<string, string>, ...args: string[]): Promise<CliResult> {
  try {
    const { stdout, stderr } = await promisify(execFile)('node', ['cli/bin.js', ...args], {
      env: {
        ...process.env,
        BELARUS_RELEASE_AUTHOR: 'tester',
        BELARUS_RELEASE_TOKEN: '',
        BELARUS_RELEASE_STATE_DIR: join(tmpdir(), 'belarus-release-test-state'),
        ...env,
      },
    });
    return { code: 0, out: stdout, err: stderr };
  } catch (error: unknown) {
    const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string };
    return { code, out: stdout, err: stderr };
  }
}
