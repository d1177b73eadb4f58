/** Installs Debian packages with apt-get (as root), quietly, within a time limit. */
import { spawn } from 'node:child_process';

const TIMEOUT_MS = 15 * 60_000;
const TAIL_CHARS = 4_000;

function run(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    let tail = '';
    const child = spawn('apt-get', args, {
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: TIMEOUT_MS,
    });
    const keep = (chunk: Buffer) => {
      tail = (tail + chunk.toString('utf8')).slice(-TAIL_CHARS);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`apt-get ${args.join(' ')} failed (${signal ?? `exit code ${code}`}):\n${tail.trim()}`));
    });
  });
}

export async function aptInstall(packages: readonly string[]): Promise<void> {
  await run(['update', '-qq']);
  await run(['install', '-y', '-qq', ...packages]);
}
