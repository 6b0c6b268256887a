// Makes sure Debian's chromium is there for the report's browser test: installs it with apt-get when it
// is missing and this process may (root, apt-get present). It never fails the run: when chromium cannot
// be had, it says why and the browser test skips visibly. Debian's packages are the one source of
// browsers this project uses (no downloads by test tools).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const TEN_MINUTES = 10 * 60 * 1000;

function apt(args) {
  execFileSync('apt-get', args, {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    timeout: TEN_MINUTES,
  });
}

if (existsSync(CHROMIUM)) {
  console.log(`chromium: ${CHROMIUM}`);
} else if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
  console.log("chromium: not found, installing Debian's chromium with apt-get…");
  try {
    try {
      apt(['install', '-y', '--no-install-recommends', 'chromium']);
    } catch {
      apt(['update']);
      apt(['install', '-y', '--no-install-recommends', 'chromium']);
    }
    console.log(`chromium: installed at ${CHROMIUM}`);
  } catch (error) {
    console.log(
      `chromium: could not install it (${error.message.split('\n')[0]}): the report's browser test will skip`,
    );
  }
} else {
  console.log(
    `chromium: not found at ${CHROMIUM} and cannot install it here (needs root and apt-get): the report's browser test will skip`,
  );
}
