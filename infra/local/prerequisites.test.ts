import { describe, expect, it } from 'vitest';
import { installCommand, parseJavaMajor, requirementsFor } from './prerequisites';

describe('prerequisites', () => {
  it('reads the major version from `java -version`', () => {
    expect(parseJavaMajor('openjdk version "17.0.15" 2025-04-15\nOpenJDK Runtime Environment')).toBe(17);
    expect(parseJavaMajor('openjdk version "21" 2023-09-19')).toBe(21);
    expect(parseJavaMajor('java version "1.8.0_392"')).toBe(8);
    expect(parseJavaMajor('command not found')).toBeUndefined();
  });

  it('needs java to start, and chromium with CJK fonts to test', () => {
    expect(requirementsFor('start').map((r) => r.aptPackage)).toEqual(['default-jre-headless']);
    expect(requirementsFor('test').map((r) => r.aptPackage)).toEqual(['default-jre-headless', 'chromium', 'fonts-noto-cjk']);
  });

  it('names the one command to run', () => {
    expect(installCommand(['chromium', 'fonts-noto-cjk'])).toBe(
      'sudo apt-get update && sudo apt-get install -y --no-install-recommends chromium fonts-noto-cjk',
    );
  });
});
