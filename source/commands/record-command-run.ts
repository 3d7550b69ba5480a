import {evidenceText, type CapturedOutput} from '../core/evidence-text.js';
import type {IncidentEvent} from '../core/events.js';
import {compileSecretPatterns, maskSecrets} from '../core/secret-mask.js';
import {writeEvidenceFile} from '../journal/evidence-files.js';
import type {CommandContext} from './command-context.js';
import {environmentErrorFrom} from './command-errors.js';
import {recordEvent} from './record-event.js';

export interface CommandRun {
	/** The command line, shell-quoted, as typed. */
	line: string;
	startedAt: Date;
	durationMs: number;
	exitCode: number;
	/** Undefined when the output could not be kept (a terminal without util-linux `script`). */
	output: CapturedOutput | undefined;
}

export interface RecordedCommandRun {
	event: IncidentEvent;
	/** Where the masked tail of the output was written; undefined when there was none. */
	evidencePath?: string;
}

/**
 * Masks secrets (the setting `secretPatterns`) in the command line and the
 * output first, writes the output's tail as an evidence file (whole, fsynced),
 * then appends the `command.run` event that names it. A crash between the
 * two leaves an evidence file no event names, never an event without its file.
 */
export function recordCommandRun(context: CommandContext, incidentId: string, run: CommandRun, secretPatterns: readonly string[]): RecordedCommandRun {
	const patterns = compileSecretPatterns(secretPatterns);
	const command = maskSecrets(run.line, patterns);
	const text = run.output && run.output.totalBytes > 0 ? evidenceText(run.output, patterns) : '';
	let evidence: string | undefined;
	let evidencePath: string | undefined;
	if (text.trim() !== '') {
		evidence = `${context.newEventId(run.startedAt)}.txt`;
		try {
			evidencePath = writeEvidenceFile(context.docsDir, incidentId, evidence, text);
		} catch (error) {
			throw environmentErrorFrom(error, 'the output was not kept');
		}
	}
	const payload = {type: 'command.run', command, exitCode: run.exitCode, durationMs: Math.max(0, Math.round(run.durationMs)), ...(evidence ? {evidence} : {})} as const;
	const {event} = recordEvent(context, incidentId, payload, {at: run.startedAt, loggedAt: context.now()});
	return {event, ...(evidencePath ? {evidencePath} : {})};
}
