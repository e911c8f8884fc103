// The `anp` command's own frame: help, version, exit codes (src/cli/main.ts).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { main } from '../../dist/cli/main.js';
import { memoryIo } from './cli-io.mjs';

const bin = fileURLToPath(new URL('../../dist/cli/anp.js', import.meta.url));
const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));

test('anp --version prints the package version and exits 0', async () => {
  const io = memoryIo();
  assert.equal(await main(['--version'], io), 0);
  assert.equal(io.stdout, `${pkg.version}\n`);
});

test('anp --help lists every command and the exit codes', async () => {
  const io = memoryIo();
  assert.equal(await main(['--help'], io), 0);
  for (const name of ['validate', 'render', 'related']) assert.match(io.stdout, new RegExp(`^  ${name} `, 'm'));
  assert.match(io.stdout, /Exit codes: 0 done, 1 some input failed, 2 wrong command line/);
});

test('anp with no command prints the help to stdout and exits 2', async () => {
  const io = memoryIo();
  assert.equal(await main([], io), 2);
  assert.match(io.stdout, /^Usage: anp <command>/);
});

test('an unknown command exits 2 and names the commands', async () => {
  const io = memoryIo();
  assert.equal(await main(['valdiate'], io), 2);
  assert.match(io.stderr, /unknown command 'valdiate'\. Commands: validate, render, related/);
  assert.equal(io.stdout, '');
});

test('the bin runs under node with its shebang, and package.json names it', () => {
  assert.equal(pkg.bin.anp, './dist/cli/anp.js');
  assert.match(readFileSync(bin, 'utf8'), /^#!\/usr\/bin\/env node\n/);
  const result = spawnSync(process.execPath, [bin, '--version'], { encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  assert.equal(result.stdout, `${pkg.version}\n`);
});
