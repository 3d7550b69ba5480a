import {render} from 'ink-testing-library';
import {createCommandContext, type CommandContext} from '../../source/commands/command-context.js';
import {createIncidentStore} from '../../source/commands/incident-store.js';
import {builtInRunbook} from '../../source/runbook/load-runbook.js';
import {App} from '../../source/ui/App.js';
import type {ScreenServices} from '../../source/ui/screen-services.js';
import type {IncidentSummary} from '../../source/commands/list-incidents.js';

export const KEY = {
	enter: '\r',
	escape: '\u001b',
	up: '\u001b[A',
	down: '\u001b[B',
	tab: '\t',
	backspace: '\u007f',
	ctrlC: '\u0003',
	pasteStart: '\u001b[200~',
	pasteEnd: '\u001b[201~',
} as const;

/** A clock the test moves by hand, so "the time of the key press" can be checked exactly. */
export function manualClock(start = '2026-11-23T03:00:00.000Z') {
	let current = new Date(start);
	return {
		now: () => new Date(current),
		set: (iso: string) => {
			current = new Date(iso);
		},
	};
}

export function testContext(docsDir: string, handle = 'alice', now?: () => Date): CommandContext {
	const context = createCommandContext(docsDir, handle);
	return now ? {...context, now} : context;
}

const pause = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

/**
 * Renders the app into a fake terminal. Keys are sent one write at a time with
 * a short pause: React 19 subscribes to input in an effect, and writes with no
 * pause can land before the previous one has rendered (PITFALLS.md).
 */
export interface RenderOptions {
	size?: {columns: number; rows: number};
	publish?: ScreenServices['publish'];
	sync?: ScreenServices['sync'];
	draftUpdate?: ScreenServices['draftUpdate'];
	/** Receives what the app would copy through the terminal. */
	copyToClipboard?: ScreenServices['copyToClipboard'];
	autoSync?: number;
	handoverHours?: number;
	openIncidents?: readonly IncidentSummary[];
}

const notInThisTest = async (): Promise<string> => {
	throw new Error('not part of this test');
};

export async function renderApp(context: CommandContext, incidentId?: string, options: RenderOptions = {}) {
	const size = options.size ?? {columns: 100, rows: 30};
	const app = render(
		<App
			context={context}
			incidentId={incidentId}
			openIncidents={options.openIncidents}
			runbook={{runbook: builtInRunbook()}}
			services={{
				store: createIncidentStore(context),
				publish: options.publish ?? notInThisTest,
				sync: options.sync ?? notInThisTest,
				draftUpdate: options.draftUpdate ?? notInThisTest,
				copyToClipboard: options.copyToClipboard ?? (() => {}),
			}}
			autoSync={options.autoSync ?? 0}
			handoverHours={options.handoverHours ?? 3}
		/>,
	);
	resize(app.stdout, size);
	app.stdout.emit('resize');
	const driver = {
		...app,
		frame: () => app.lastFrame() ?? '',
		async press(...keys: string[]) {
			for (const key of keys) {
				app.stdin.write(key);
				await pause(15);
			}
		},
		async type(text: string) {
			for (const character of text) await driver.press(character);
		},
		async waitFor(expected: string | RegExp, timeoutMs = 3000) {
			const deadline = Date.now() + timeoutMs;
			for (;;) {
				const frame = driver.frame();
				if (typeof expected === 'string' ? frame.includes(expected) : expected.test(frame)) return frame;
				if (Date.now() > deadline) throw new Error(`timed out waiting for ${String(expected)}; last frame:\n${frame}`);
				await pause(10);
			}
		},
		async resize(next: {columns: number; rows: number}) {
			resize(app.stdout, next);
			app.stdout.emit('resize');
			await pause(30);
		},
	};
	await pause(30);
	return driver;
}

function resize(stdout: object, size: {columns: number; rows: number}) {
	Object.defineProperty(stdout, 'columns', {value: size.columns, configurable: true});
	Object.defineProperty(stdout, 'rows', {value: size.rows, configurable: true});
}
