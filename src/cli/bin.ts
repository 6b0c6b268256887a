/// <reference types="node" />
// The `leadstage` executable.
import { main } from './main';

// stdout's errors (EPIPE when `| head` has read enough) are handled where data is written: without a
// listener Node would throw them from the event
process.stdout.on('error', () => {});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // a bug of leadstage's, not of the input: say so, with the stack only on request
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`leadstage: unexpected error: ${message}\n`);
    if (process.env.LEADSTAGE_DEBUG !== undefined && error instanceof Error)
      process.stderr.write(`${error.stack}\n`);
    else process.stderr.write('(set LEADSTAGE_DEBUG=1 for the stack, and please report it)\n');
    process.exitCode = 1;
  },
);
