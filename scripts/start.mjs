// `pnpm start`: builds, then runs the server as a child, and stops it when asked. pnpm passes no signal on to its
// script, so stopping `pnpm start` (SIGTERM, SIGINT, SIGHUP, or pnpm itself going away) would otherwise leave the
// server and its Meilisearch running. The server runs in its own process group: a signal sent to the whole group
// reaches it once, through here, and its shutdown is not cut short by a second copy.
import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const SIGNALS = ['SIGTERM', 'SIGINT', 'SIGHUP'];
const PARENT_POLL_MS = 500;

// With nowhere left to write (the reader of our output exited), keep going: the server still has to be stopped.
for (const stream of [process.stdout, process.stderr]) stream.on('error', () => {});

let child;
let signalWholeGroup = false;
let stopping;
const stop = (signal) => {
  stopping ??= signal;
  if (!child || child.exitCode !== null || child.signalCode !== null) process.exit(exitCodeOf(signal));
  try {
    // The build's tools each need the signal; the server stops its own children.
    process.kill(signalWholeGroup ? -child.pid : child.pid, signal);
  } catch {
    // Already gone: its 'exit' is on the way.
  }
};
for (const signal of SIGNALS) process.on(signal, () => stop(signal));

// pnpm ends its script's shell without passing the signal on; we notice by being handed to another parent.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent && !stopping) stop('SIGTERM');
}, PARENT_POLL_MS).unref();

function exitCodeOf(signal) {
  return 128 + ({ SIGHUP: 1, SIGINT: 2, SIGTERM: 15 }[signal] ?? 0);
}

/** `setpriv --pdeathsig TERM`: the server is told to stop even when this process is killed outright. */
function withParentDeathSignal(command, args) {
  try {
    accessSync('/usr/bin/setpriv', constants.X_OK);
    return ['/usr/bin/setpriv', ['--pdeathsig', 'TERM', '--', command, ...args]];
  } catch {
    return [command, args];
  }
}

function run(command, args, { wholeGroup }) {
  signalWholeGroup = wholeGroup;
  return new Promise((resolve) => {
    const [file, argv] = withParentDeathSignal(command, args);
    child = spawn(file, argv, { cwd: root, stdio: 'inherit', detached: true });
    child.once('error', (error) => {
      console.error(`cannot run ${command}: ${error.message}`);
      resolve(1);
    });
    child.once('exit', (code, signal) => resolve(signal ? exitCodeOf(signal) : (code ?? 1)));
  });
}

const built = await run('pnpm', ['run', 'build'], { wholeGroup: true });
if (built !== 0 || stopping) process.exit(stopping ? exitCodeOf(stopping) : built);
process.exit(await run(process.execPath, [path.join(root, 'server/dist/server.js')], { wholeGroup: false }));
