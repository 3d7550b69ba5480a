import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {render} from 'ink-testing-library';
import {createCommandContext} from '../source/commands/command-context.js';
import {logNote} from '../source/commands/log-note.js';
import {openIncident} from '../source/commands/open-incident.js';
import {builtInRunbook} from '../source/runbook/load-runbook.js';
import {App} from '../source/ui/App.js';
import {percentile, type BenchFigure} from './figures.js';

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

async function measure(events: number): Promise<BenchFigure[]> {
	const docsDir = mkdtempSync(join(tmpdir(), 'incident-tui-bench-keys-'));
	try {
		const context = createCommandContext(docsDir, 'alice');
		const {incidentId} = openIncident(context, {title: 'Bench', severity: 2});
		for (let index = 1; index < events; index++) logNote(context, {incidentId, kind: 'note', text: `event ${index}`});
		const app = render(<App context={context} incidentId={incidentId} runbook={{runbook: builtInRunbook()}} services={{publish: async () => '', sync: async () => '', draftUpdate: async () => '', copyToClipboard: () => {}}} autoSync={0} handoverHours={3} />);
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
			{name: `key to frame, open a prompt, ${events.toLocaleString('en')} events`, value: percentile(prompt, 50), unit: 'ms'},
			{name: `key to frame, Enter logs a note, ${events.toLocaleString('en')} events`, value: percentile(logged, 50), unit: 'ms'},
		];
	} finally {
		rmSync(docsDir, {recursive: true, force: true});
	}
}

export async function keystrokeFigures(): Promise<BenchFigure[]> {
	return [...(await measure(10)), ...(await measure(10_000))];
}
