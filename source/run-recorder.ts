import {createReadStream, rmSync} from 'node:fs';
import {OutputTail, readToEnd} from './cli/output-tail.js';

// The Node half of `incident-tui run` on a terminal (ARCHITECTURE.md "Running
// a command"): bin/incident-tui starts this beside util-linux `script`, which
// runs the command, as `run-recorder.js DIR CMD ARGS…`, with script's output
// log on fd 3 and its timing log on fd 4 (FIFOs in DIR). Both are read to
// their end whatever else happens: script waits on a full FIFO, so a recorder
// that stopped reading would stall the responder's command. DIR is removed
// at the end.

const [directory = '', ...command] = process.argv.slice(2);
// This process started with the command, give or take a fork.
const startedAtEpochMs = performance.timeOrigin;

const tail = new OutputTail();
let timingLog = '';
const logsRead = Promise.all([
	readToEnd(createReadStream('', {fd: 3}), chunk => tail.push(chunk)),
	readToEnd(createReadStream('', {fd: 4}), chunk => (timingLog += chunk.toString('utf8'))),
]);

try {
	const {recordScriptRun} = await import('./cli/record-script-run.js');
	await recordScriptRun({directory, command, startedAtEpochMs, logsRead, output: () => tail.captured(), timingLog: () => timingLog});
} catch (error) {
	// Only a bug lands here: the command has run, so the responder hears of it in one line.
	process.stderr.write(`incident-tui: the command ran but was not logged: ${error instanceof Error ? error.message : String(error)}\n`);
	await logsRead;
} finally {
	rmSync(directory, {recursive: true, force: true});
}
