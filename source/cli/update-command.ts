import {spawnSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {createInterface} from 'node:readline/promises';
import {UserError} from '../commands/command-errors.js';
import {recordEvent} from '../commands/record-event.js';
import {draftStatusUpdate} from '../commands/status-update.js';
import {displaySafe} from '../core/display-safe.js';
import {osc52} from '../ui/osc52.js';
import type {CliSetup} from './cli-setup.js';
import {parseAt} from './parse-flags.js';
import {print} from './output.js';
import {writtenEventConfirmation} from './written-event.js';

/**
 * `update`: draft a stakeholder update, let the commander edit it ($VISUAL or
 * $EDITOR when set), copy it through the terminal (OSC 52, which works over SSH
 * and in tmux), log it as a communication, and print it for terminals that
 * do not take OSC 52.
 */
export async function updateCommand(setup: CliSetup, flags: {id?: string; yes?: boolean; at?: string}): Promise<void> {
	const pressedAt = setup.context.now();
	// Before the editor opens: a refused time must not cost the commander their edit.
	const sentAt = parseAt(flags.at, pressedAt) ?? pressedAt;
	const draft = draftStatusUpdate(setup.context, flags.id, sentAt);
	const interactive = process.stdin.isTTY && process.stdout.isTTY && !flags.yes;
	const text = interactive ? await edit(draft.text) : draft.text;
	if (text === undefined) {
		print('Not sent.');
		return;
	}
	const {event} = recordEvent(setup.context, draft.incidentId, {type: 'note.logged', kind: 'communication', text: text.trimEnd()}, {at: sentAt});
	if (process.stdout.isTTY) process.stdout.write(osc52(text));
	for (const line of text.trimEnd().split('\n')) print(displaySafe(line));
	print('');
	print(`Logged as a communication ${writtenEventConfirmation(event)} and copied to the clipboard through the terminal (OSC 52); if your terminal does not allow that, select the text above.`);
}

async function edit(draft: string): Promise<string | undefined> {
	const editor = process.env['VISUAL'] || process.env['EDITOR'];
	if (editor) {
		const dir = mkdtempSync(join(tmpdir(), 'incident-tui-update-'));
		const file = join(dir, 'status-update.txt');
		try {
			writeFileSync(file, draft);
			// As git does: the shell splits the editor setting into words ("code --wait"),
			// and the file goes in as "$1", never pasted into the command (TMPDIR may hold spaces).
			const result = spawnSync('sh', ['-c', `${editor} "$@"`, editor, file], {stdio: 'inherit'});
			if (result.error || result.status === 126 || result.status === 127) {
				throw new UserError(`could not start the editor "${editor}" ($VISUAL or $EDITOR)`, 'fix that variable, or send the draft as it is with incident-tui update --yes; nothing was logged');
			}
			const edited = readFileSync(file, 'utf8');
			return result.status === 0 && edited.trim() !== '' ? edited : undefined;
		} finally {
			rmSync(dir, {recursive: true, force: true});
		}
	}
	for (const line of draft.trimEnd().split('\n')) print(displaySafe(line));
	const prompt = createInterface({input: process.stdin, output: process.stdout});
	try {
		const answer = (await prompt.question('\nSend this update? [Y/n] ')).trim();
		return /^(y(es)?)?$/i.test(answer) ? draft : undefined;
	} finally {
		prompt.close();
	}
}
