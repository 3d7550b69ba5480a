import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {render} from 'ink-testing-library';
import {createCommandContext} from '../source/commands/command-context.js';
import {createIncidentStore} from '../source/commands/incident-store.js';
import {logNote} from '../source/commands/log-note.js';
import {openIncident} from '../source/commands/open-incident.js';
import {buildEvent} from '../source/core/build-event.js';
import {appendLines} from '../source/journal/append-event.js';
import {journalPathOf} from '../source/journal/journal-paths.js';
import {builtInRunbook} from '../source/runbook/load-runbook.js';
import {App} from '../source/ui/App.js';
import {median} from './figures.js';
import type {Measured} from './rows.js';

const pause = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

/** Time from writing a key to the next frame Ink writes. */
async function timeKey(app: ReturnType<typeof render>, key: string): Promise<number> {
	const frames = app.stdout.frames.length;
	const began = performance.now();
	app.stdin.write(key);
	while (app.stdout.frames.length === frames) await new Promise(resolve => setImmediate(resolve));
	const elapsed = performance.now() - began;
	await pause(5);
	return elapsed;
}

async function measure(events: number, size: '10' | '10k'): Promise<Measured[]> {
	const docsDir = mkdtempSync(join(tmpdir(), 'incident-tui-bench-keys-'));
	try {
		const context = createCommandContext(docsDir, 'alice');
		const {incidentId} = openIncident(context, {title: 'Bench', severity: 2});
		// The notes `logNote` would write, appended in one go: 10,000 fsyncs would take most of the bench's time.
		const notes = Array.from({length: events - 1}, (_, index) => {
			const at = context.now();
			return JSON.stringify(buildEvent({type: 'note.logged', kind: 'note', text: `event ${index + 1}`}, {id: context.newEventId(at), at, author: context.handle}));
		});
		appendLines(journalPathOf(docsDir, incidentId, context.writer), notes);
		const app = render(<App context={context} incidentId={incidentId} runbook={{runbook: builtInRunbook()}} services={{store: createIncidentStore(context), publish: async () => '', sync: async () => '', draftUpdate: async () => '', listChanges: async () => ({since: new Date(), until: new Date(), endsAt: 'now', changes: [], notes: []}), runCommandLine: () => {}, copyToClipboard: () => {}}} autoSync={0} handoverHours={3} />);
		await pause(200);
		const prompt: number[] = [];
		const logged: number[] = [];
		for (let run = 0; run < 30; run++) {
			prompt.push(await timeKey(app, 'n'));
			app.stdin.write('x');
			await pause(5);
			logged.push(await timeKey(app, '\r'));
		}
		app.unmount();
		return [
			{id: `keys-prompt-${size}`, value: median(prompt), samples: prompt},
			{id: `keys-enter-${size}`, value: median(logged), samples: logged},
		];
	} finally {
		rmSync(docsDir, {recursive: true, force: true});
	}
}

/** U to the draft on screen, then Enter to "logged and copied": the machine's share of sending an update. */
async function measureUpdate(): Promise<Measured[]> {
	const docsDir = mkdtempSync(join(tmpdir(), 'incident-tui-bench-update-'));
	try {
		const context = createCommandContext(docsDir, 'alice');
		const {incidentId} = openIncident(context, {title: 'Bench', severity: 1});
		for (let index = 1; index < 200; index++) logNote(context, {incidentId, kind: index % 5 === 0 ? 'mitigation' : 'note', text: `event ${index}`});
		const {draftStatusUpdate} = await import('../source/commands/status-update.js');
		const services = {
			store: createIncidentStore(context),
			publish: async () => '',
			sync: async () => '',
			listChanges: async () => ({since: new Date(), until: new Date(), endsAt: 'now' as const, changes: [], notes: []}),
			draftUpdate: async (id: string) => draftStatusUpdate(context, id).text,
			runCommandLine: () => {},
			copyToClipboard: () => {},
		};
		const app = render(<App context={context} incidentId={incidentId} runbook={{runbook: builtInRunbook()}} services={services} autoSync={0} handoverHours={3} />);
		await pause(200);
		const waitFor = async (text: string) => {
			while (!(app.lastFrame() ?? '').includes(text)) await new Promise(resolve => setTimeout(resolve, 1));
		};
		let began = performance.now();
		app.stdin.write('U');
		await waitFor('[SEV-1] Bench');
		const draft = performance.now() - began;
		began = performance.now();
		app.stdin.write('\r');
		await waitFor('Update logged');
		const send = performance.now() - began;
		app.unmount();
		return [
			{id: 'update-draft', value: draft, samples: [draft]},
			{id: 'update-send', value: send, samples: [send]},
		];
	} finally {
		rmSync(docsDir, {recursive: true, force: true});
	}
}

/** In process (ink-testing-library): the screen's own share of a key, without the terminal. */
export async function keystrokeFigures(): Promise<Measured[]> {
	return [...(await measure(10, '10')), ...(await measure(10_000, '10k')), ...(await measureUpdate())];
}
