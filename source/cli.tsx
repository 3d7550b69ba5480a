import {main} from './cli/main.js';
import {dropOutputOnceReaderGone, reportError} from './cli/output.js';

// The entry: runs the command line and sets the exit code. What each command
// does starts in cli/main.ts, which build.mjs keeps in one file with all it
// imports statically (see there why).

dropOutputOnceReaderGone();
try {
	const code = await main(process.argv.slice(2));
	// A failed write to stdout (other than a closed pipe) has already set its own code.
	if (process.exitCode === undefined) process.exitCode = code;
} catch (error) {
	process.exitCode = reportError(error);
}
