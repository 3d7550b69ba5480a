import type {CapturedOutput} from '../core/evidence-text.js';

// What util-linux `script` writes into its logs around the command's own
// output: a line before and after it in the output log, and in its advanced
// timing log (`-m advanced -T`, util-linux 2.35+) the exit code and duration.

const SCRIPT_HEADER = /^Script started on [^\n]*\n/;
const SCRIPT_FOOTER = /\n?Script done on [^\n]*\n?$/;

/** The output as the command wrote it, without script's own first and last lines. */
export function withoutScriptFrame(output: CapturedOutput): CapturedOutput {
	const text = output.text.replace(SCRIPT_HEADER, '').replace(SCRIPT_FOOTER, '');
	const removed = Buffer.byteLength(output.text) - Buffer.byteLength(text);
	return {text, capturedBytes: output.capturedBytes - removed, totalBytes: output.totalBytes - removed};
}

export interface ScriptEnding {
	/** As a shell gives it: 128 + the signal's number when a signal ended the command. */
	exitCode: number;
	durationMs: number;
}

/** undefined when the log does not say how the command ended (script was killed, or is too old). */
export function scriptEnding(timingLog: string): ScriptEnding | undefined {
	const exitCode = /^H \S+ EXIT_CODE (\d+)$/m.exec(timingLog)?.[1];
	const duration = /^H \S+ DURATION (\d+(?:\.\d+)?)$/m.exec(timingLog)?.[1];
	if (exitCode === undefined || duration === undefined) return undefined;
	return {exitCode: Number(exitCode), durationMs: Number(duration) * 1000};
}
