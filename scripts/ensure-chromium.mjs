// Makes sure Debian's chromium is there for the report's browser test: installs it with apt-get when it
// is missing and this process may (root, apt-get present). Otherwise it says why, and the browser test
// skips visibly. Debian's packages are the one source of browsers this project uses (no downloads by
// test tools).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

if (existsSync(CHROMIUM)) {
  console.log(`chromium: ${CHROMIUM}`);
} else if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
  console.log("chromium: not found, installing Debian's chromium with apt-get…");
  const install = () =>
    execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  try {
    install();
  } catch {
    execFileSync('apt-get', ['update'], { stdio: ['ignore', 'ignore', 'inherit'] });
    install();
  }
  console.log(`chromium: installed at ${CHROMIUM}`);
} else {
  console.log(
    `chromium: not found at ${CHROMIUM} and cannot install it here (needs root and apt-get): the report's browser test will skip`,
  );
}
