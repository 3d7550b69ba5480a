import {spawn} from 'node:child_process';
import {execFileSync} from 'node:child_process';
import {readdirSync} from 'node:fs';
import {join} from 'node:path';
import {expect, it} from 'vitest';
import {isKnownEvent} from '../../source/core/events.js';
import {eventsDirOf} from '../../source/journal/journal-paths.js';
import {readIncidentJournal} from '../../source/journal/read-journal.js';
import {CLI_PATH, runCli} from '../helpers/run-cli.js';
import {makeTempDir} from '../helpers/temp-dir.js';
import {skipWithout} from '../helpers/requirements.js';
import {hasTmux, TmuxSession} from '../helpers/tmux.js';

// SIGKILL at random moments, then check the promise: every event the process
// acknowledged is on disk, the journal parses, the app resumes. `npm test`
// runs a CI-sized sample; `npm run test:crash` runs 200+ kills.
const CLI_KILLS = Number(process.env['CRASH_CLI_KILLS'] ?? 30);
const SCREEN_KILLS = Number(process.env['CRASH_SCREEN_KILLS'] ?? 8);

function setUp() {
	const repo = makeTempDir();
	const configDir = makeTempDir();
	runCli(['config', 'set', 'handle', 'crash'], {cwd: repo, configDir});
	const id = /Opened (\S+)/.exec(runCli(['new', 'Crash test', '--sev', '1'], {cwd: repo, configDir}).stdout)![1]!;
	const docsDir = join(repo, 'docs');
	const journal = () => {
		const read = readIncidentJournal(eventsDirOf(docsDir, id));
		const texts = new Set(read.events.filter(isKnownEvent).map(event => ('text' in event ? event.text : '')));
		return {texts, damaged: read.damaged.length};
	};
	return {repo, configDir, id, journal};
}

/** One `incident-tui log`, SIGKILLed after `delayMs`; acknowledged if it printed "Logged" first. */
function logAndKill(repo: string, configDir: string, text: string, delayMs: number): Promise<{acknowledged: boolean; killed: boolean}> {
	return new Promise(resolve => {
		const child = spawn(process.execPath, [CLI_PATH, 'log', text], {
			cwd: repo,
			env: {...process.env, INCIDENT_TUI_CONFIG_DIR: configDir},
			stdio: ['ignore', 'pipe', 'ignore'],
		});
		let stdout = '';
		child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
		const timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
		child.on('exit', (_code, signal) => {
			clearTimeout(timer);
			resolve({acknowledged: stdout.includes('Logged'), killed: signal === 'SIGKILL'});
		});
	});
}

function report(name: string, counts: {kills: number; acknowledged: number; found: number}) {
	const lost = counts.acknowledged - counts.found;
	console.log(`crash test (${name}): kills ${counts.kills}, events acknowledged ${counts.acknowledged}, events found ${counts.found}, events lost ${lost}`);
	return lost;
}

it(`loses no acknowledged event when incident-tui log is SIGKILLed (${CLI_KILLS} kills)`, async () => {
	const {repo, configDir, journal} = setUp();
	const acknowledged: string[] = [];
	let kills = 0;
	for (let attempt = 0; kills < CLI_KILLS; attempt++) {
		const text = `cli-${attempt}`;
		const result = await logAndKill(repo, configDir, text, 120 + Math.random() * 260);
		if (result.killed) kills++;
		if (result.acknowledged) acknowledged.push(text);
		const after = journal();
		expect(after.damaged).toBe(0);
		for (const ack of acknowledged) expect(after.texts.has(ack)).toBe(true);
	}
	// The app resumes: a normal log works and reads everything back.
	expect(runCli(['log', 'after the storm'], {cwd: repo, configDir}).code).toBe(0);
	const final = journal();
	const found = acknowledged.filter(text => final.texts.has(text)).length;
	expect(report('incident-tui log', {kills, acknowledged: acknowledged.length, found})).toBe(0);
}, CLI_KILLS * 2000);

it.skipIf(skipWithout(hasTmux, 'tmux is not installed: the live screen crash test'))(`loses no acknowledged event when the live screen is SIGKILLed (${SCREEN_KILLS} kills)`, async () => {
	const {repo, configDir, id, journal} = setUp();
	const tmux = new TmuxSession({cwd: repo, configDir, restartForever: true});
	const acknowledged: string[] = [];
	let written = 0;
	try {
		for (let kill = 0; kill < SCREEN_KILLS; kill++) {
			await tmux.waitFor('Crash test', 10_000);
			await tmux.waitForRawMode();
			const events = Math.floor(Math.random() * 4);
			for (let n = 0; n < events; n++) {
				const text = `screen-${written++}`;
				await tmux.keys('n');
				await tmux.text(text);
				await tmux.keys('Enter');
				// On screen means written and fsynced: the screen shows only what is on disk.
				await tmux.waitFor(new RegExp(`note\\s+${text}$`, 'm'), 5000);
				acknowledged.push(text);
			}
			// Sometimes mid-prompt, sometimes just after an Enter.
			await tmux.keys('n');
			await tmux.text(`unacknowledged-${kill}`);
			if (Math.random() < 0.5) await tmux.keys('Enter');
			const node = execFileSync('pgrep', ['-P', String(tmux.panePid())], {encoding: 'utf8'}).trim().split('\n')[0]!;
			process.kill(Number(node), 'SIGKILL');
			// The restart loop drains stale keys and clears the screen before starting the app again.
			await tmux.waitFor(/^(?![\s\S]*Crash test)/, 5000);
			const after = journal();
			expect(after.damaged).toBe(0);
			for (const ack of acknowledged) expect(after.texts.has(ack)).toBe(true);
		}
		await tmux.waitFor('Crash test', 10_000);
		// The app resumes: a kill in the middle of an append leaves its lock, which the next append takes over.
		await tmux.waitForRawMode();
		await tmux.keys('n');
		await tmux.text('after the storm');
		await tmux.keys('Enter');
		await tmux.waitFor(/note\s+after the storm$/m, 5000);
	} finally {
		tmux.close();
	}
	const found = acknowledged.filter(text => journal().texts.has(text)).length;
	expect(report('live screen in tmux', {kills: SCREEN_KILLS, acknowledged: acknowledged.length, found})).toBe(0);
	expect(readdirSync(eventsDirOf(join(repo, 'docs'), id)).filter(name => name.endsWith('.lock'))).toEqual([]);
}, SCREEN_KILLS * 5000);
