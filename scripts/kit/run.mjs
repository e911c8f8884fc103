// Runs a command the way the checks want it: output collected (stdout and
// stderr together, without colours), optionally echoed, stdin given or closed.
import { spawn } from 'node:child_process';

/** Resolves with { code, output }; a command that cannot start answers code 127, as a shell does. */
export function runCommand(command, args, { cwd, input, env = {}, echo = false } = {}) {
  return new Promise((done) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...env } });
    let output = '';
    const collect = (chunk) => {
      output += chunk;
      if (echo) process.stdout.write(chunk);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', (error) => done({ code: 127, output: `${output}${error.message}` }));
    child.on('close', (code, signal) => done({ code: code ?? (signal ? 1 : 0), output }));
    child.stdin.end(input);
  });
}
