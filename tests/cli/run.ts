/** Runs the CLI as an editor does (`node cli/bin.js …`, what `npx belarus-release` runs). */
import { execFile } from 'node:child_process';
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
  try {
    const { stdout, stderr } = await promisify(execFile)('node', ['cli/bin.js', ...args], {
      env: { ...process.env, BELARUS_RELEASE_AUTHOR: 'tester', BELARUS_RELEASE_TOKEN: '' },
    });
    return { code: 0, out: stdout, err: stderr };
  } catch (error: unknown) {
    const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string };
    return { code, out: stdout, err: stderr };
  }
}
