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

// Time limits here are generous bounds on a loaded 2-core machine, not
// expectations: a hang still fails, a slow machine only takes longer.
// SIGKILL at random moments, then check the promise: every event the process
// acknowledged is on disk, the journal parses, the app resumes. `npm test`
// runs a CI-sized sample; `npm run test:crash` runs 200+ kills.
const CLI_KILLS = Number(process.env['CRASH_CLI_KILLS'] ?? 30);
const SCREEN_KILLS = Number(process.env['CRASH_SCREEN_KILLS'] ?? 8);
/** Events acknowledged between the kills: fewer, and the run proved little (one passed with 1 of 30). */
const MIN_ACKNOWLEDGED = Math.ceil(CLI_KILLS / 3);

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

interface LogRun {
	acknowledged: boolean;
	killed: boolean;
	/** From spawn to "Logged" on stdout, and to exit. */
	acknowledgedAfterMs?: number;
	exitedAfterMs: number;
}

/** One `incident-tui log`, SIGKILLed after `delayMs` (never, if undefined); acknowledged if it printed "Logged" first. */
function logAndKill(repo: string, configDir: string, text: string, delayMs: number | undefined): Promise<LogRun> {
	return new Promise(resolve => {
		const started = performance.now();
		const child = spawn(process.execPath, [CLI_PATH, 'log', text], {
			cwd: repo,
			env: {...process.env, INCIDENT_TUI_CONFIG_DIR: configDir},
			stdio: ['ignore', 'pipe', 'ignore'],
		});
		let stdout = '';
		let acknowledgedAfterMs: number | undefined;
		child.stdout.on('data', (chunk: Buffer) => {
			stdout += chunk.toString();
			if (acknowledgedAfterMs === undefined && stdout.includes('Logged')) acknowledgedAfterMs = performance.now() - started;
		});
		const timer = delayMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), delayMs);
		child.on('close', (_code, signal) => {
			clearTimeout(timer);
			resolve({acknowledged: stdout.includes('Logged'), killed: signal === 'SIGKILL', acknowledgedAfterMs, exitedAfterMs: performance.now() - started});
		});
	});
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * How long `incident-tui log` takes on this machine, so kills land across its
 * whole life (start-up, reading the journal, the write, the fsync, the output)
 * rather than all before the write on a slow machine or all after the exit on
 * a fast one.
 */
async function measureLog(repo: string, configDir: string, texts: string[]): Promise<{acknowledgedMs: number; exitMs: number}> {
	const runs: LogRun[] = [];
	for (const text of texts) runs.push(await logAndKill(repo, configDir, text, undefined));
	expect(runs.every(run => run.acknowledged)).toBe(true);
	return {acknowledgedMs: median(runs.map(run => run.acknowledgedAfterMs!)), exitMs: median(runs.map(run => run.exitedAfterMs))};
}

function report(name: string, counts: {kills: number; acknowledged: number; found: number}) {
	const lost = counts.acknowledged - counts.found;
	console.log(`crash test (${name}): kills ${counts.kills}, events acknowledged ${counts.acknowledged}, events found ${counts.found}, events lost ${lost}`);
	return lost;
}

it(`loses no acknowledged event when incident-tui log is SIGKILLed (${CLI_KILLS} kills)`, async () => {
	const {repo, configDir, journal} = setUp();
	const acknowledged = ['measure-0', 'measure-1', 'measure-2', 'measure-3', 'measure-4'];
	const measured = await measureLog(repo, configDir, acknowledged);
	// From a third of the way to "Logged" to just past the exit.
	const earliest = measured.acknowledgedMs / 3;
	const latest = measured.exitMs * 1.15;
	let kills = 0;
	let acknowledgedAmidKills = 0;
	for (let attempt = 0; attempt < CLI_KILLS * 4 && (kills < CLI_KILLS || acknowledgedAmidKills < MIN_ACKNOWLEDGED); attempt++) {
		const text = `cli-${attempt}`;
		// Every third run is left alone: whether a killed run got to "Logged" first
		// is down to timing, but these always write right after a kill (a torn tail
		// to set aside, a dead writer's lock to take over), so the run never rests
		// on luck to have acknowledged events to check.
		const delay = attempt % 3 === 2 ? undefined : earliest + Math.random() * (latest - earliest);
		const result = await logAndKill(repo, configDir, text, delay);
		if (result.killed) kills++;
		if (result.acknowledged) {
			acknowledged.push(text);
			acknowledgedAmidKills++;
		}
		const after = journal();
		expect(after.damaged).toBe(0);
		for (const ack of acknowledged) expect(after.texts.has(ack)).toBe(true);
	}
	// The app resumes: a normal log works and reads everything back.
	expect(runCli(['log', 'after the storm'], {cwd: repo, configDir}).code).toBe(0);
	const final = journal();
	const found = acknowledged.filter(text => final.texts.has(text)).length;
	console.log(`crash test: incident-tui log takes ${Math.round(measured.acknowledgedMs)} ms to "Logged", ${Math.round(measured.exitMs)} ms to exit here; kills spread over ${Math.round(earliest)}-${Math.round(latest)} ms`);
	expect(report('incident-tui log', {kills, acknowledged: acknowledged.length, found})).toBe(0);
	// A run that killed every process before it wrote anything would prove nothing.
	expect(kills).toBeGreaterThanOrEqual(CLI_KILLS);
	expect(acknowledgedAmidKills).toBeGreaterThanOrEqual(MIN_ACKNOWLEDGED);
}, CLI_KILLS * 10_000);

it.skipIf(skipWithout(hasTmux, 'tmux is not installed: the live screen crash test'))(`loses no acknowledged event when the live screen is SIGKILLed (${SCREEN_KILLS} kills)`, async () => {
	const {repo, configDir, id, journal} = setUp();
	const tmux = new TmuxSession({cwd: repo, configDir, restartForever: true});
	const acknowledged: string[] = [];
	let written = 0;
	try {
		for (let kill = 0; kill < SCREEN_KILLS; kill++) {
			await tmux.waitFor('Crash test', 20_000);
			await tmux.waitForRawMode();
			// At least one acknowledged event per kill: a run with none would prove nothing.
			const events = 1 + Math.floor(Math.random() * 3);
			for (let n = 0; n < events; n++) {
				const text = `screen-${written++}`;
				await tmux.keys('n');
				await tmux.text(text);
				await tmux.keys('Enter');
				// On screen means written and fsynced: the screen shows only what is on disk.
				await tmux.waitFor(new RegExp(`note\\s+${text}$`, 'm'), 15_000);
				acknowledged.push(text);
			}
			// Sometimes mid-prompt, sometimes just after an Enter.
			await tmux.keys('n');
			await tmux.text(`unacknowledged-${kill}`);
			if (Math.random() < 0.5) await tmux.keys('Enter');
			const node = execFileSync('pgrep', ['-P', String(tmux.panePid())], {encoding: 'utf8'}).trim().split('\n')[0]!;
			process.kill(Number(node), 'SIGKILL');
			// The restart loop drains stale keys and clears the screen before starting the app again.
			await tmux.waitFor(/^(?![\s\S]*Crash test)/, 15_000);
			const after = journal();
			expect(after.damaged).toBe(0);
			for (const ack of acknowledged) expect(after.texts.has(ack)).toBe(true);
		}
		await tmux.waitFor('Crash test', 20_000);
		// The app resumes: a kill in the middle of an append leaves its lock, which the next append takes over.
		await tmux.waitForRawMode();
		await tmux.keys('n');
		await tmux.text('after the storm');
		await tmux.keys('Enter');
		await tmux.waitFor(/note\s+after the storm$/m, 15_000);
	} finally {
		tmux.close();
	}
	const found = acknowledged.filter(text => journal().texts.has(text)).length;
	expect(report('live screen in tmux', {kills: SCREEN_KILLS, acknowledged: acknowledged.length, found})).toBe(0);
	expect(acknowledged.length).toBeGreaterThanOrEqual(SCREEN_KILLS);
	expect(readdirSync(eventsDirOf(join(repo, 'docs'), id)).filter(name => name.endsWith('.lock'))).toEqual([]);
}, SCREEN_KILLS * 20_000);
