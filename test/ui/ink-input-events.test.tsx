import {useStdin} from 'ink';
import {cleanup, render} from 'ink-testing-library';
import {useEffect} from 'react';
import {afterEach, expect, it} from 'vitest';
import {Text} from '../../source/ui/components/Text.js';
import {KeyRouter, useKeyHandler} from '../../source/ui/hooks/useKeyRouter.js';
import type {KeyPress} from '../../source/ui/key-press.js';

// useKeyRouter.tsx reads keys from Ink's private `internal_eventEmitter`
// (useInput throws on some escape sequences and merges "text\r"). Private
// means an Ink upgrade may rename or change it without notice: these tests
// fail loudly then, instead of the live screen silently taking no keys.

afterEach(() => cleanup());

function RawProbe({reads}: {reads: string[]}) {
	const {internal_eventEmitter: events, setRawMode} = useStdin();
	useEffect(() => {
		const onInput = (raw: string) => reads.push(raw);
		setRawMode(true);
		events.on('input', onInput);
		return () => {
			events.off('input', onInput);
			setRawMode(false);
		};
	}, [events, reads, setRawMode]);
	return <Text>ready</Text>;
}

it("Ink still emits each read of stdin as an 'input' event on useStdin().internal_eventEmitter, escape sequences apart from text", async () => {
	const reads: string[] = [];
	const app = render(<RawProbe reads={reads} />);
	expect(app.lastFrame()).toBe('ready');
	app.stdin.write('n');
	app.stdin.write('ab\u001b[Acd');
	app.stdin.write('\u001b[200~');
	app.stdin.write('\r');
	expect(reads).toEqual(['n', 'ab', '\u001b[A', 'cd', '\u001b[200~', '\r']);
});

function KeyProbe({presses}: {presses: {press: KeyPress; pressedAt: Date}[]}) {
	useKeyHandler((press, pressedAt) => presses.push({press, pressedAt}));
	return <Text>ready</Text>;
}

it('delivers decoded key presses through the KeyRouter, stamped at the key press', () => {
	const presses: {press: KeyPress; pressedAt: Date}[] = [];
	let clock = 0;
	const app = render(
		<KeyRouter now={() => new Date(clock++)}>
			<KeyProbe presses={presses} />
		</KeyRouter>,
	);
	app.stdin.write('q');
	app.stdin.write('\u001b[B');
	app.stdin.write('\u0003');
	expect(presses).toMatchObject([
		{press: {input: 'q'}, pressedAt: new Date(0)},
		{press: {input: '', downArrow: true}, pressedAt: new Date(1)},
		{press: {input: 'c', ctrl: true}, pressedAt: new Date(2)},
	]);
});
