import {spawn} from 'node:child_process';
import {once} from 'node:events';
import {closeSync, fdatasyncSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {makeIncidentWorkspace, type IncidentWorkspace} from './incident-fixture.js';
import {cliCommand, interleaved, launcherPath, PtySession, timeCommands} from './processes.js';
import {median} from './figures.js';
import type {Measured} from './rows.js';

// Issue 16's evidence sources: what `run` adds to a command, and how many
// alerts a second `listen` journals (README "Alert intake"). Each listen
// sample gets its own incident, since an alert already journaled is not
// logged again, and is checked afterwards: a fast figure that lost or doubled
// alerts would be a lie.

const ALERTS = 1000;
const IN_FLIGHT = 50;

export async function evidenceFigures(runs = 10, listenRuns = 3): Promise<Measured[]> {
	const dir = mkdtempSync(join(process.env['BENCH_DIR'] ?? tmpdir(), 'incident-tui-bench-evidence-'));
	try {
		const workspace = makeIncidentWorkspace(join(dir, 'run'), 10);
		const time = (command: string[]) => () => timeCommands([command], workspace.dir, workspace.env);
		const run = {id: 'evidence-run', ...(await timeRunOnTerminal(workspace, runs))};
		const runIntoPipe = {id: 'evidence-run-pipe', ...(await interleaved(runs, () => timeLauncherIntoPipe(workspace), time(['true'])))};

		let sample = 0;
		const listen = await interleaved(
			listenRuns,
			() => timeListen(join(dir, `listen-${sample++}`)),
			() => timeBareAppends(dir),
		);
		const perSecond = Math.round((ALERTS / listen.value) * 1000).toLocaleString('en');
		return [run, runIntoPipe, {id: 'evidence-listen', ...listen, note: `${perSecond} alerts/s`}];
	} finally {
		rmSync(dir, {recursive: true, force: true});
	}
}

/**
 * What a responder waits for at the prompt: bin/incident-tui takes its
 * terminal path only with a terminal on stdout, so a timer inside a
 * pseudo-terminal spawns `run -- true` and bare `true` in turn (the same
 * spawn on both sides) and, untimed, waits after each run until the recorder
 * has logged it, so no recorder still at work slows the next sample.
 */
async function timeRunOnTerminal(workspace: IncidentWorkspace, runs: number) {
	const eventsDir = join(workspace.dir, 'docs', 'incidents', workspace.incidentId, 'events');
	const session = new PtySession([process.execPath, '-e', TERMINAL_TIMER, JSON.stringify({runs, launcher: launcherPath, eventsDir})], workspace.dir, workspace.env);
	try {
		await session.waitFor(['BENCH-DONE'], 0, 120_000);
		const {ours, baseline} = JSON.parse(/BENCH-RESULT (.*?)\r?\n/.exec(session.text)![1]!) as {ours: number[]; baseline: number[]};
		return {value: median(ours), samples: ours, baseline: {value: median(baseline), samples: baseline}};
	} finally {
		await session.close();
	}
}

/**
 * Milliseconds from spawn to exit of `run -- true` through bin/incident-tui,
 * its output into a pipe; then, untimed, until its recorder (which holds the
 * same stderr) has logged the run and ended, so it slows no later sample.
 */
async function timeLauncherIntoPipe({dir, env}: IncidentWorkspace): Promise<number> {
	const began = performance.now();
	const child = spawn(launcherPath, ['run', '--', 'true'], {cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe']});
	const recorderDone = Promise.all([once(child.stdout, 'close'), once(child.stderr, 'close')]);
	child.stdout.resume();
	child.stderr.resume();
	const [code] = (await once(child, 'exit')) as [number | null];
	const took = performance.now() - began;
	if (code !== 0) throw new Error(`run -- true exited ${code} in ${dir}`);
	await recorderDone;
	return took;
}

const TERMINAL_TIMER = `
const {spawnSync} = require('node:child_process');
const {readdirSync, readFileSync} = require('node:fs');
const {runs, launcher, eventsDir} = JSON.parse(process.argv[1]);
const logged = () => readdirSync(eventsDir).filter(name => name.endsWith('.jsonl'))
	.reduce((count, name) => count + readFileSync(eventsDir + '/' + name, 'utf8').split('"type":"command.run"').length - 1, 0);
const time = argv => {
	const began = performance.now();
	const ran = spawnSync(argv[0], argv.slice(1), {stdio: 'inherit'});
	if (ran.status !== 0) throw new Error(argv.join(' ') + ' exited ' + ran.status);
	return performance.now() - began;
};
const ours = [], baseline = [];
for (let run = 0; run <= runs; run++) {
	const bare = time(['true']);
	const before = logged();
	const wrapped = time([launcher, 'run', '--', 'true']);
	while (logged() === before) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
	// The first of each is a warm-up.
	if (run > 0) { baseline.push(bare); ours.push(wrapped); }
}
process.stdout.write('BENCH-RESULT ' + JSON.stringify({ours, baseline}) + '\\n');
process.stdout.write('BENCH-DONE\\n');
`;

/** Milliseconds from the first POST to the last 200, then a check that each alert is journaled once. */
async function timeListen(dir: string): Promise<number> {
	const {env, incidentId} = makeIncidentWorkspace(dir, 1);
	const [command, ...args] = cliCommand('listen', '--port', '0', '--id', incidentId);
	const child = spawn(command!, args, {cwd: dir, env: {...env, INCIDENT_TUI_LISTEN_TOKEN: ''}, stdio: ['ignore', 'pipe', 'pipe']});
	let output = '';
	child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
	child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
	try {
		const port = await listeningPort(child, () => output);
		const bodies = notifications();
		const began = performance.now();
		let next = 0;
		const sender = async () => {
			while (next < bodies.length) {
				const body = bodies[next++]!;
				const response = await fetch(`http://127.0.0.1:${port}/`, {method: 'POST', headers: {'Content-Type': 'application/json'}, body});
				const text = await response.text();
				if (response.status !== 200) throw new Error(`listen answered ${response.status}: ${text}`);
			}
		};
		await Promise.all(Array.from({length: IN_FLIGHT}, sender));
		const elapsed = performance.now() - began;
		checkJournaled(join(dir, 'docs', 'incidents', incidentId, 'events'));
		return elapsed;
	} finally {
		child.kill('SIGTERM');
		if (child.exitCode === null && child.signalCode === null) await once(child, 'exit');
	}
}

function listeningPort(child: ReturnType<typeof spawn>, output: () => string): Promise<number> {
	return new Promise((resolve, reject) => {
		const check = () => {
			const port = /^Listening on http:\/\/\S+:(\d+) /m.exec(output())?.[1];
			if (port === undefined) return;
			child.stdout!.off('data', check);
			resolve(Number(port));
		};
		child.stdout!.on('data', check);
		child.once('exit', code => reject(new Error(`listen exited with ${code} before listening:\n${output()}`)));
	});
}

/** One-alert Alertmanager notifications, each alert its own (fingerprint and instance differ). */
function notifications(): string[] {
	return Array.from({length: ALERTS}, (_, index) =>
		JSON.stringify({
			version: '4',
			status: 'firing',
			receiver: 'incident-tui',
			groupKey: `{}:{alertname="HighErrorRate", instance="pod-${index}"}`,
			groupLabels: {alertname: 'HighErrorRate'},
			commonLabels: {},
			commonAnnotations: {},
			externalURL: 'http://alertmanager.example.com:9093',
			alerts: [
				{
					status: 'firing',
					labels: {alertname: 'HighErrorRate', instance: `pod-${index}`, service: 'payments-api', severity: 'page'},
					annotations: {summary: '5xx above 5% for 5 minutes'},
					startsAt: new Date(Date.parse('2026-11-25T14:00:00Z') + index * 1000).toISOString(),
					endsAt: '0001-01-01T00:00:00Z',
					generatorURL: 'http://prometheus.example.com:9090/graph',
					fingerprint: index.toString(16).padStart(16, '0'),
				},
			],
		}),
	);
}

/** Throws unless every journal of the incident together holds each alert exactly once. */
function checkJournaled(eventsDir: string): void {
	const alerts = readdirSync(eventsDir)
		.filter(name => name.endsWith('.jsonl'))
		.flatMap(name => readFileSync(join(eventsDir, name), 'utf8').split('\n').filter(line => line !== ''))
		.map(line => (JSON.parse(line) as {alert?: unknown}).alert)
		.filter(alert => alert !== undefined)
		.map(alert => JSON.stringify(alert));
	const distinct = new Set(alerts).size;
	if (alerts.length !== ALERTS || distinct !== ALERTS) {
		throw new Error(`listen journaled ${alerts.length} alert events (${distinct} distinct) for ${ALERTS} alerts sent, in ${eventsDir}`);
	}
}

/** The floor: the same number of bare write + fdatasync appends of an event-sized line, one after another. */
function timeBareAppends(dir: string): Promise<number> {
	const path = join(dir, 'bare.jsonl');
	const line = Buffer.from(`${JSON.stringify({type: 'note.logged', text: 'HighErrorRate (instance=pod-1, service=payments-api, severity=page): 5xx above 5% for 5 minutes'.padEnd(300)})}\n`);
	const fd = openSync(path, 'a');
	const began = performance.now();
	try {
		for (let index = 0; index < ALERTS; index++) {
			writeSync(fd, line);
			fdatasyncSync(fd);
		}
		return Promise.resolve(performance.now() - began);
	} finally {
		closeSync(fd);
		rmSync(path);
	}
}
