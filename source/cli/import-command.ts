import {openSync, readFileSync, closeSync} from 'node:fs';
import {createInterface} from 'node:readline/promises';
import {ReadStream} from 'node:tty';
import {findIncident} from '../commands/find-incident.js';
import {applyImport, planImport, type ImportPlan} from '../commands/import-timeline.js';
import {UserError, environmentErrorFrom} from '../commands/command-errors.js';
import {displaySafe} from '../core/display-safe.js';
import {formatUtcDateTime} from '../core/time-format.js';
import type {CliSetup} from './cli-setup.js';
import {parseNoteKind} from './parse-flags.js';
import {print} from './output.js';
import {readStandardInput} from './read-stdin.js';

export interface ImportFlags {
	id?: string;
	kind?: string;
	yes?: boolean;
}

/** `import FILE|-`: preview, then write only when confirmed (or --yes). */
export async function importCommand(setup: CliSetup, args: string[], flags: ImportFlags): Promise<void> {
	const [source] = args;
	if (!source) throw new UserError('name a file, or - for standard input: incident-tui import timeline.txt');
	const input = source === '-' ? await readStandardInput() : readFile(source);
	const {state} = findIncident(setup.workspace.docsDir, flags.id);
	const plan = planImport(state, input, flags.kind ? parseNoteKind(flags.kind) : undefined);
	printPreview(plan);
	if (plan.events.length === 0) return;
	if (!flags.yes && !(await confirm(`Import ${plan.events.length} events into ${plan.incidentId}? [y/N] `, source === '-'))) {
		print('Nothing imported. Run again with --yes to import without asking.');
		return;
	}
	print(`Imported ${applyImport(setup.context, plan)} events into ${plan.incidentId}.`);
}

function readFile(path: string): string {
	try {
		return readFileSync(path, 'utf8');
	} catch (error) {
		throw environmentErrorFrom(error, `could not read ${path}`);
	}
}

function printPreview(plan: ImportPlan): void {
	print(`${plan.events.length} events to import into ${plan.incidentId} (times in UTC):`);
	for (const event of plan.events) {
		print(`  ${formatUtcDateTime(event.at)}  ${event.kind.padEnd(13)}  ${displaySafe(event.text)}`);
	}
	if (plan.alreadyThere > 0) print(`${plan.alreadyThere} lines are already in the timeline and are skipped.`);
	if (plan.unreadable.length > 0) {
		print(`${plan.unreadable.length} lines could not be read and are left out:`);
		for (const line of plan.unreadable) print(`  line ${line.line}: ${displaySafe(line.raw.trim()).slice(0, 80)} (${line.reason})`);
	}
}

/** Asks on the terminal, even when the timeline itself came through standard input. */
async function confirm(question: string, inputWasStdin: boolean): Promise<boolean> {
	let fd: number | undefined;
	try {
		if (inputWasStdin || !process.stdin.isTTY) fd = openSync('/dev/tty', 'r');
	} catch {
		return false;
	}
	const input = fd === undefined ? process.stdin : new ReadStream(fd);
	const prompt = createInterface({input, output: process.stdout});
	try {
		return /^y(es)?$/i.test((await prompt.question(question)).trim());
	} finally {
		prompt.close();
		if (fd !== undefined) {
			input.destroy();
			closeSync(fd);
		}
	}
}
