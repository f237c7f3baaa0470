// What the portal's node tests share: their command line, numbered checks,
// the `mubiao` binary run to completion, and a portal started on a free
// loopback port.
import { spawn, spawnSync } from 'node:child_process';

// --name value pairs of the command line; throws when one of `required` is missing.
export function parseArgs(required) {
  const args = Object.fromEntries(
    process.argv.slice(2).reduce((pairs, arg, i, all) => {
      if (arg.startsWith('--')) pairs.push([arg.slice(2), all[i + 1]]);
      return pairs;
    }, []));
  for (const name of required) {
    if (!args[name]) throw new Error(`missing --${name}`);
  }
  return args;
}

// Numbered checks in TAP style; a failed one throws.
export class Checks {
  constructor() { this.passed = 0; }
  check(condition, what) {
    if (!condition) throw new Error(`FAILED: ${what}`);
    this.passed++;
    console.log(`ok ${this.passed} - ${what}`);
  }
  // The closing line ctest-style runners read.
  summary() { return `${this.passed} passed, 0 failed`; }
}

// Runs `mubiao argv` to completion; throws with its stderr when it fails.
export function runMubiao(binary, argv, input) {
  const run = spawnSync(binary, argv, { input, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`mubiao ${argv.join(' ')}: ${run.stderr}`);
  return run.stdout;
}

// Starts `mubiao serve` with `argv` (which must listen on 127.0.0.1:0) and
// resolves to { server, base, log } once it prints its address; `log()` is
// everything it wrote on stderr so far.
export async function startPortal(binary, argv) {
  const server = spawn(binary, ['serve', ...argv], { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  server.stderr.on('data', (chunk) => { log += chunk; });
  const base = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${log}`)), 60000);
    server.stdout.on('data', (chunk) => {
      out += chunk;
      const found = out.match(/http:\/\/127\.0\.0\.1:\d+\//);
      if (found) { clearTimeout(timer); resolve(found[0].replace(/\/$/, '')); }
    });
    server.on('exit', (code) => reject(new Error(`server exited (${code}):\n${log}`)));
  });
  return { server, base, log: () => log };
}

// Stops the portal with SIGTERM and resolves to its exit code.
export function stopPortal(server) {
  return new Promise((resolve) => {
    server.on('exit', (code) => resolve(code));
    server.kill('SIGTERM');
  });
}
