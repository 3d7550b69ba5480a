import {cleanup, render} from 'ink-testing-library';
import TextInput from 'ink-text-input';
import {useState} from 'react';
import {afterEach, expect, it} from 'vitest';
import {openIncident} from '../../source/commands/open-incident.js';
import {KEY, manualClock, renderApp, testContext} from '../helpers/ink-driver.js';
import {makeTempDir} from '../helpers/temp-dir.js';

// Why the prompts edit text with source/ui/text-editing.ts and not
// ink-text-input: it computes each new value from the value of the last
// render, so keys that arrive before the next frame (fast typing, tmux
// send-keys, a slow screen) overwrite each other.
//
// When the first test fails, ink-text-input has been fixed and may replace
// source/ui/text-editing.ts; the second test says what it must then keep.

afterEach(() => cleanup());

const TYPED = 'rolled back v142';

it('ink-text-input loses keys typed faster than a frame', () => {
	const values: string[] = [];
	function Prompt() {
		const [value, setValue] = useState('');
		return (
			<TextInput
				focus
				value={value}
				onChange={next => {
					values.push(next);
					setValue(next);
				}}
			/>
		);
	}
	const app = render(<Prompt />);
	for (const character of TYPED) app.stdin.write(character);
	// Every key was handled (one change each), but each started from the same stale value.
	expect(values).toHaveLength(TYPED.length);
	expect(values.at(-1)).not.toBe(TYPED);
});

it('our prompt keeps every key typed faster than a frame', async () => {
	const context = testContext(makeTempDir(), 'alice', manualClock().now);
	const {incidentId} = openIncident(context, {title: 'Checkout 5xx', severity: 1});
	const app = await renderApp(context, incidentId);
	await app.press('n');
	// All characters written before any frame is drawn.
	await app.type(TYPED);
	await app.waitFor(`Note @ 03:00:00 › ${TYPED}█`);
	await app.press(KEY.enter);
	await app.waitFor('Logged note');
});
