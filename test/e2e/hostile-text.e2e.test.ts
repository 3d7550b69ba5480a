import {mkdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {eventFactory} from '../helpers/event-factory.js';
import {runCli} from '../helpers/run-cli.js';
import {hasTmux, TmuxSession} from '../helpers/tmux.js';
import {aliceRepo} from '../helpers/e2e-repo.js';

// Text from files the commander did not type (a runbook, a journal written
// by someone else) reaches the real terminal: nothing in it may act on the
// terminal. Every hostile sequence carries a marker that would show up where
// its effect lands (the pane title, a tmux paste buffer, a colour).

const ESC = '\u001b';
const BEL = '\u0007';
const OSC_TITLE = `${ESC}]2;pwned-title${BEL}`;
const OSC_CLIPBOARD = `${ESC}]52;c;${Buffer.from('pwned-clip').toString('base64')}${BEL}`;
const OSC_LINK = `${ESC}]8;;https://evil.example/${BEL}click${ESC}]8;;${BEL}`;
// A 24-bit colour the app's theme never uses, so any trace of it came from the text.
const TINT = `${ESC}[38;2;1;2;3m`;
const CURSOR_MOVES = `${ESC}[5;5Hjump${ESC}[2Aup${ESC}[2J`;

const HOSTILE_RUNBOOK = [
	'# Runbook',
	'',
	`### Phase 1: Triage ${OSC_TITLE}${TINT}tinted`,
	'',
	`- [ ] Copy ${OSC_CLIPBOARD} clip`,
	`- [ ] Link ${OSC_LINK} here`,
	`- [ ] Move ${CURSOR_MOVES} end`,
	'- [ ] Flip \u202edesrever',
	'',
].join('\n');

const ID = '2026-11-23-01';

let repo: string;
let configDir: string;
let session: TmuxSession | undefined;

beforeEach(() => {
	({repo, configDir} = aliceRepo());
});
afterEach(() => session?.close());

/** Only the colours Ink itself draws may remain in `capture-pane -e`. */
function escapesOtherThanColours(captured: string): string[] {
	return captured.replace(/\u001b\[[0-9;:]*m/g, '').match(/\u001b.{0,12}/g) ?? [];
}

function startScreen(): TmuxSession {
	// Wide enough for the damage warning's full path; tmux keeps OSC 52 in a paste buffer.
	session = new TmuxSession({cwd: repo, configDir, columns: 240, serverOptions: [['set-clipboard', 'on']]});
	return session;
}

function expectTerminalUntouched(tmux: TmuxSession): void {
	expect(tmux.tmux('display', '-p', '-t', 'e2e', '#{pane_title}')).not.toContain('pwned');
	expect(tmux.tmux('list-buffers')).not.toContain('pwned');
	const captured = tmux.tmux('capture-pane', '-e', '-p', '-t', 'e2e');
	expect(escapesOtherThanColours(captured)).toEqual([]);
	expect(captured).not.toMatch(/\u001b\[[0-9;:]*38[;:]2[;:]+1[;:]2[;:]3/);
	expect(captured).not.toContain('\u202e');
}

const requireTmux = process.env['CI'] === 'true' || hasTmux;

describe.skipIf(!requireTmux)('text from files reaches the real terminal inert (tmux)', () => {
	it('draws a hostile docs/RUNBOOK.md as visible text', async () => {
		mkdirSync(join(repo, 'docs'), {recursive: true});
		writeFileSync(join(repo, 'docs', 'RUNBOOK.md'), HOSTILE_RUNBOOK);
		expect(runCli(['new', 'Checkout 5xx', '--sev', '2'], {cwd: repo, configDir}).code).toBe(0);
		const tmux = startScreen();
		const screen = await tmux.waitFor('clip');

		expect(screen).toContain('Triage ␛]2;pwned-title␇␛[38;2;1;2;3mtinted');
		expect(screen).toContain('Copy ␛]52;c;');
		expect(screen).toContain('Link ␛]8;;https://evil.example/␇click␛]8;;␇ here');
		// The cursor moves stay on their own line, in order, instead of moving anything.
		expect(screen).toContain('Move ␛[5;5Hjump␛[2Aup␛[2J end');
		expect(screen).toContain('Flip <U+202E>desrever');
		expectTerminalUntouched(tmux);
	});

	it('draws a journal written by someone else as visible text', async () => {
		const events = join(repo, 'docs', 'incidents', ID, 'events');
		mkdirSync(events, {recursive: true});
		// Opened a minute ago as SEV-3, so no overdue warning hides the damage warning.
		const mallory = eventFactory('mallory', Date.now() - 60_000);
		const lines = [
			mallory(0, {type: 'incident.opened', title: `Forged ${OSC_TITLE}${TINT}title`, severity: 3, commander: 'mallory'}),
			mallory(1, {type: 'note.logged', kind: 'note', text: `note ${OSC_CLIPBOARD}${CURSOR_MOVES} \u202eflipped`}),
		].map(event => JSON.stringify(event));
		writeFileSync(join(events, 'mallory@host.jsonl'), `${lines.join('\n')}\n`);
		// A writer's handle is the journal's file name: the damage warning quotes it.
		writeFileSync(join(events, `x${OSC_TITLE}${TINT}@host.jsonl`), '{not json\n');

		const tmux = startScreen();
		const screen = await tmux.waitFor('damaged journal line');
		expect(screen).toContain('Forged ␛]2;pwned-title␇␛[38;2;1;2;3mtitle');
		expect(screen).toContain('jump␛[2Aup␛[2J <U+202E>flipped');
		expect(screen).toContain('x␛]2;pwned-title␇␛[38;2;1;2;3m@host.jsonl');
		expectTerminalUntouched(tmux);
	});
});
