import {Text} from 'ink';
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

export interface RenderOptions {
	size?: {columns: number; rows: number};
	publish?: ScreenServices['publish'];
	sync?: ScreenServices['sync'];
	draftUpdate?: ScreenServices['draftUpdate'];
	listChanges?: ScreenServices['listChanges'];
	/** Receives what the app would copy through the terminal. */
	copyToClipboard?: ScreenServices['copyToClipboard'];
	autoSync?: number;
	handoverHours?: number;
	openIncidents?: readonly IncidentSummary[];
}

const notInThisTest = async (): Promise<never> => {
	throw new Error('not part of this test');
};

// A bound for a hung screen on a loaded CI machine; waits return at the first matching frame.
const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * Renders the app into a fake terminal and drives it like cli-kit's
 * testing/ui.ts: every key waits for the frame it causes instead of sleeping.
 * The app reads keys synchronously as they are written (state in refs and
 * reducers), and ink-testing-library writes every React commit as a frame, so
 * "a new frame arrived" means the key was handled and drawn.
 */
export async function renderApp(context: CommandContext, incidentId?: string, options: RenderOptions = {}) {
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
				listChanges: options.listChanges ?? notInThisTest,
				runCommandLine: () => {
					throw new Error('not part of this test');
				},
				copyToClipboard: options.copyToClipboard ?? (() => {}),
			}}
			autoSync={options.autoSync ?? 0}
			handoverHours={options.handoverHours ?? 3}
		/>,
	);
	// React 19 flushes the effects of the first render before render() returns, so
	// the key router already listens; a key written before it does would be lost.
	if (app.stdin.listenerCount('readable') === 0) throw new Error('the app does not read keys after its first render');
	// Wake waiters on every frame rather than polling on a timer.
	const waiters = new Set<() => void>();
	const write = app.stdout.write;
	app.stdout.write = (frame: string) => {
		write(frame);
		for (const wake of waiters) wake();
	};
	/** Resolves once `condition` holds, checked after every frame; `what` names it in the timeout error. */
	const until = (condition: () => boolean, what: () => string, timeoutMs = DEFAULT_TIMEOUT_MS) =>
		new Promise<void>((resolve, reject) => {
			if (condition()) return resolve();
			const done = () => {
				clearTimeout(timer);
				waiters.delete(check);
			};
			const check = () => {
				if (!condition()) return;
				done();
				resolve();
			};
			// Frames written by timers (the clock, the journal poll) also wake this; the deadline is the backstop.
			const timer = setTimeout(() => {
				done();
				reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what()}; last frame:\n${app.lastFrame() ?? ''}`));
			}, timeoutMs);
			waiters.add(check);
		});
	const driver = {
		...app,
		frame: () => app.lastFrame() ?? '',
		/** Sends each key as its own write and waits for the frame it draws. */
		async press(...keys: string[]) {
			for (const key of keys) {
				const count = app.frames.length;
				app.stdin.write(key);
				await until(() => app.frames.length > count, () => `a new frame after the key ${JSON.stringify(key)} (for a key that changes nothing on screen use send() and wait for what it does)`);
			}
		},
		/**
		 * Writes keys without waiting for a frame: for keys that change nothing on
		 * screen (the app handles them synchronously all the same), and for paste markers.
		 */
		send(...keys: string[]) {
			for (const key of keys) app.stdin.write(key);
		},
		/** Text pasted in one go, between the terminal's bracketed-paste markers. */
		async paste(text: string) {
			driver.send(KEY.pasteStart);
			await driver.press(text);
			driver.send(KEY.pasteEnd);
		},
		/**
		 * Types one key per character as fast as it can, then waits for the frame:
		 * keys that outrun the screen must all count (the app keeps input state in refs).
		 */
		async type(text: string) {
			const count = app.frames.length;
			for (const character of text) app.stdin.write(character);
			await until(() => app.frames.length > count, () => `a new frame after typing ${JSON.stringify(text)}`);
		},
		async waitFor(expected: string | RegExp, timeoutMs = DEFAULT_TIMEOUT_MS) {
			const matches = () => (typeof expected === 'string' ? driver.frame().includes(expected) : expected.test(driver.frame()));
			await until(matches, () => String(expected), timeoutMs);
			return driver.frame();
		},
		async resize(next: {columns: number; rows: number}) {
			setSize(app.stdout, next);
			// Ink's own listener (none with CI set) redraws synchronously, inside emit; a
			// screen that lays out by size (useTerminalSize) redraws in a later commit.
			const screenListens = app.stdout.listenerCount('resize') > inkResizeListeners();
			app.stdout.emit('resize');
			const count = app.frames.length;
			if (screenListens) await until(() => app.frames.length > count, () => `the screen to redraw at ${next.columns}x${next.rows}`);
		},
	};
	await driver.resize(options.size ?? {columns: 100, rows: 30});
	return driver;
}

let inkOwnResizeListeners: number | undefined;
/** How many resize listeners Ink adds by itself, measured once on an empty app. */
function inkResizeListeners(): number {
	if (inkOwnResizeListeners === undefined) {
		const empty = render(<Text />);
		inkOwnResizeListeners = empty.stdout.listenerCount('resize');
		empty.unmount();
	}
	return inkOwnResizeListeners;
}

function setSize(stdout: object, size: {columns: number; rows: number}) {
	Object.defineProperty(stdout, 'columns', {value: size.columns, configurable: true});
	Object.defineProperty(stdout, 'rows', {value: size.rows, configurable: true});
}
