import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/**
 * What the embedded stack needs from the machine: `java` 17+ for DynamoDB Local and, for the
 * browser tests, Debian's chromium with CJK fonts. Missing pieces are installed with apt-get when
 * we are root on a machine that has it; otherwise we stop with the one command to run.
 */
export type Purpose = 'start' | 'test';

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const MIN_JAVA_MAJOR = 17;

interface Requirement {
  name: string;
  /** Debian package that provides it. */
  aptPackage: string;
  /** Undefined when satisfied, else why not. */
  problem(): string | undefined;
}

/** Major version of the `java` on PATH, or undefined when there is none. */
export function javaMajorVersion(): number | undefined {
  const result = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (result.error || result.status !== 0) return undefined;
  return parseJavaMajor(`${result.stderr}\n${result.stdout}`);
}

/** `openjdk version "17.0.15"` → 17; `java version "1.8.0_392"` → 8. */
export function parseJavaMajor(versionOutput: string): number | undefined {
  const match = /version "(\d+)(?:\.(\d+))?/.exec(versionOutput);
  if (!match) return undefined;
  const first = Number(match[1]);
  return first === 1 && match[2] ? Number(match[2]) : first;
}

const java: Requirement = {
  name: `java ${MIN_JAVA_MAJOR}+ (DynamoDB Local)`,
  aptPackage: 'default-jre-headless',
  problem() {
    const major = javaMajorVersion();
    if (major === undefined) return 'java is not installed';
    return major < MIN_JAVA_MAJOR ? `java ${major} is too old (DynamoDB Local needs ${MIN_JAVA_MAJOR}+)` : undefined;
  },
};

const chromium: Requirement = {
  name: 'chromium (browser tests)',
  aptPackage: 'chromium',
  problem: () => (existsSync(CHROMIUM_PATH) ? undefined : `${CHROMIUM_PATH} is missing`),
};

const cjkFonts: Requirement = {
  name: 'Noto CJK fonts (Chinese text in screenshots)',
  aptPackage: 'fonts-noto-cjk',
  problem: () => (dpkgInstalled('fonts-noto-cjk') ? undefined : 'fonts-noto-cjk is not installed'),
};

function dpkgInstalled(pkg: string): boolean {
  const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return result.status === 0 && result.stdout.includes('install ok installed');
}

export function requirementsFor(purpose: Purpose): Requirement[] {
  return purpose === 'test' ? [java, chromium, cjkFonts] : [java];
}

function canInstall(): boolean {
  return process.getuid?.() === 0 && spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;
}

export function installCommand(packages: string[]): string {
  return `sudo apt-get update && sudo apt-get install -y --no-install-recommends ${packages.join(' ')}`;
}

/**
 * Checks (and where possible installs) what `purpose` needs. Resolves when everything is there;
 * throws an Error whose message is the one-line explanation otherwise.
 */
export function ensurePrerequisites(purpose: Purpose, log: (line: string) => void = console.log): void {
  const missing = requirementsFor(purpose).filter((r) => r.problem() !== undefined);
  if (missing.length === 0) return;
  const packages = missing.map((r) => r.aptPackage);
  const reasons = missing.map((r) => `${r.name}: ${r.problem()}`).join('; ');
  if (!canInstall()) {
    throw new Error(`Missing prerequisites (${reasons}). Install them with: ${installCommand(packages)}`);
  }
  log(`prerequisites: installing ${packages.join(' ')} (${reasons})`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync('apt-get', ['update'], { stdio: 'inherit', env });
  const install =
    update.status === 0
      ? spawnSync('apt-get', ['install', '-y', '--no-install-recommends', ...packages], { stdio: 'inherit', env })
      : update;
  const still = missing.filter((r) => r.problem() !== undefined);
  if (install.status !== 0 || still.length > 0) {
    throw new Error(
      `Could not install ${packages.join(' ')} with apt-get (exit ${install.status}). Run: ${installCommand(packages)}`,
    );
  }
}

function parsePurpose(argv: string[]): Purpose {
  const index = argv.indexOf('--for');
  const value = index >= 0 ? argv[index + 1] : 'start';
  if (value !== 'start' && value !== 'test') {
    throw new Error(`Unknown --for ${value}: use --for start or --for test`);
  }
  return value;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    ensurePrerequisites(parsePurpose(process.argv.slice(2)));
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
