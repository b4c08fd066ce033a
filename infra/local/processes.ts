import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, existsSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { dirname } from 'node:path';

/**
 * Child processes of the embedded stack. Each service runs detached in its own process group, so
 * that stopping it stops everything it spawned (java's helpers, next's workers) and nothing else.
 */
export interface ServiceProcess {
  name: string;
  pid: number;
  logFile: string;
  /** Resolves with the exit code (or signal name) once the process has exited. */
  exited: Promise<number | string>;
  hasExited(): boolean;
  stop(): Promise<void>;
}

export interface SpawnServiceOptions {
  name: string;
  command: string;
  args: string[];
  cwd: string;
  env?: NodeJS.ProcessEnv;
  logFile: string;
}

/** Every service this process started and that has not exited yet. */
const running = new Set<ServiceProcess>();

/** Stops every service this process started (on Ctrl-C, or when start-up fails half-way). */
export async function stopAllServices(): Promise<void> {
  await Promise.allSettled([...running].map((service) => service.stop()));
}

export function runningServices(): ServiceProcess[] {
  return [...running];
}

export function spawnService(options: SpawnServiceOptions): ServiceProcess {
  mkdirSync(dirname(options.logFile), { recursive: true });
  const log = openSync(options.logFile, 'a');
  let child: ChildProcess;
  try {
    child = spawn(options.command, options.args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      detached: true,
      stdio: ['ignore', log, log],
    });
  } finally {
    closeSync(log);
  }
  let exitedFlag = false;
  const exited = new Promise<number | string>((resolveExit) => {
    child.once('exit', (code, signal) => {
      exitedFlag = true;
      resolveExit(code ?? signal ?? 'unknown');
    });
    child.once('error', (error) => {
      exitedFlag = true;
      resolveExit(error.message);
    });
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error(`${options.name}: could not start \`${options.command}\` (is it installed and on PATH?)`);
  const service: ServiceProcess = {
    name: options.name,
    pid,
    logFile: options.logFile,
    exited,
    hasExited: () => exitedFlag,
    stop: () => stopProcessGroup(pid, exited),
  };
  running.add(service);
  void exited.then(() => running.delete(service));
  return service;
}

/** SIGTERM to the process group, then SIGKILL if it is still there after `graceMs`. */
export async function stopProcessGroup(pid: number, exited?: Promise<unknown>, graceMs = 5_000): Promise<void> {
  if (!signalGroup(pid, 'SIGTERM')) return;
  const gone = exited ?? waitUntil(() => !isAlive(pid), { timeoutMs: graceMs, intervalMs: 50 }).catch(() => undefined);
  const timedOut = await Promise.race([gone.then(() => false), sleep(graceMs).then(() => true)]);
  if (timedOut || groupAlive(pid)) {
    signalGroup(pid, 'SIGKILL');
    await waitUntil(() => !groupAlive(pid), { timeoutMs: graceMs, intervalMs: 50 }).catch(() => undefined);
  }
}

function signalGroup(pid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    try {
      process.kill(pid, signal);
      return true;
    } catch {
      return false;
    }
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolveSleep) => setTimeout(resolveSleep, ms));
}

/** Polls `probe` until it returns a truthy value; rejects after `timeoutMs` with `description`. */
export async function waitUntil<T>(
  probe: () => T | Promise<T>,
  options: { timeoutMs: number; intervalMs?: number; description?: string; abortIf?: () => string | undefined },
): Promise<NonNullable<T>> {
  const deadline = Date.now() + options.timeoutMs;
  let lastError: unknown;
  for (;;) {
    const abort = options.abortIf?.();
    if (abort) throw new Error(abort);
    try {
      const value = await probe();
      if (value) return value as NonNullable<T>;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const reason = lastError instanceof Error ? `: ${lastError.message}` : '';
      throw new Error(`Timed out after ${options.timeoutMs} ms waiting for ${options.description ?? 'a condition'}${reason}`);
    }
    await sleep(options.intervalMs ?? 200);
  }
}

/** The last lines of a service's log, to explain why it failed. */
export function logTail(file: string, lines = 15): string {
  if (!existsSync(file)) return '';
  return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
}

/** A port the OS considers free right now (bind to 0, read, release). */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

/** True when something listens on the port (on any interface) or the port cannot be bound. */
export async function portInUse(port: number): Promise<boolean> {
  const answers = await new Promise<boolean>((resolveConnect) => {
    const socket = connect({ port, host: '127.0.0.1' });
    socket.setTimeout(500);
    socket.once('connect', () => {
      socket.destroy();
      resolveConnect(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolveConnect(false);
    });
    socket.once('error', () => resolveConnect(false));
  });
  if (answers) return true;
  return new Promise<boolean>((resolveBind) => {
    const server = createServer();
    server.once('error', () => resolveBind(true));
    server.listen(port, () => server.close(() => resolveBind(false)));
  });
}
