import {readdirSync, readFileSync, statSync} from 'node:fs';
import {join} from 'node:path';
import {cleanup} from 'ink-testing-library';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import type {IncidentEvent} from '../../source/core/events.js';
import {renderApp, testContext} from '../helpers/ink-driver.js';
import {ListenProcess, stopAllListeners} from '../helpers/listen-process.js';
import {runCli} from '../helpers/run-cli.js';
import {makeTempDir} from '../helpers/temp-dir.js';

// `incident-tui listen` over real HTTP on 127.0.0.1, the built CLI as a child.

const fixture = (name: string) => readFileSync(new URL(`../fixtures/alerts/${name}.json`, import.meta.url), 'utf8');
const ALERTMANAGER = fixture('alertmanager-webhook');
const GRAFANA = fixture('grafana-webhook');

let cwd: string;
let configDir: string;
// A token in the tester's shell must not decide what these tests see.
const env = {INCIDENT_TUI_LISTEN_TOKEN: ''};

beforeEach(() => {
	cwd = makeTempDir();
	configDir = makeTempDir();
	runCli(['config', 'set', 'handle', 'alice'], {cwd, configDir});
});
afterEach(async () => {
	cleanup();
	await stopAllListeners();
});

const cli = (...args: string[]) => runCli(args, {cwd, configDir, env});
const openIncident = (...flags: string[]) => /Opened (\S+)/.exec(cli('new', 'Checkout 5xx', '--sev', '1', ...flags).stdout)![1]!;
const listen = (...args: string[]) => ListenProcess.start(args, {cwd, configDir, env}).ready();

/** Every line of every journal of the incident, as written. */
function journalEvents(incidentId: string, docsDir = join(cwd, 'docs')): IncidentEvent[] {
	const eventsDir = join(docsDir, 'incidents', incidentId, 'events');
	return readdirSync(eventsDir)
		.filter(name => name.endsWith('.jsonl'))
		.flatMap(name => readFileSync(join(eventsDir, name), 'utf8').split('\n').filter(line => line !== ''))
		.map(line => JSON.parse(line) as IncidentEvent);
}
const alertNotes = (incidentId: string, docsDir?: string) =>
	journalEvents(incidentId, docsDir).filter((event): event is Extract<IncidentEvent, {type: 'note.logged'}> => event.type === 'note.logged' && event.alert !== undefined);

/** Every file under `dir` with its content: "writes nothing" means this does not change. */
function filesUnder(dir: string): Record<string, string> {
	return Object.fromEntries(
		readdirSync(dir, {recursive: true, encoding: 'utf8'})
			.filter(path => statSync(join(dir, path)).isFile())
			.map(path => [path, readFileSync(join(dir, path), 'utf8')]),
	);
}

const notificationLines = (listener: ListenProcess) => listener.stdout.split('\n').filter(line => /^(opened \S+; )?(alertmanager|grafana): /.test(line));

describe('incident-tui listen', () => {
	it('logs an Alertmanager firing alert as a detection at startsAt done by alertmanager, a resolved one as a note at endsAt', async () => {
		const id = openIncident();
		const listener = await listen();
		expect(listener.stdout).toContain(`for Alertmanager and Grafana webhooks, logging to ${id}`);

		const response = await listener.post(ALERTMANAGER);
		// Read right after the 200: the events are on disk by then.
		const notes = alertNotes(id);
		expect(response.status).toBe(200);
		expect(notes).toMatchObject([
			{
				kind: 'detection',
				at: '2024-03-14T14:55:02.918Z',
				author: 'alice',
				by: 'alertmanager',
				text: 'HighErrorRate (instance=payments-api-7d9f8:8080, job=payments-api, service=payments-api, severity=page): 5xx above 5% for 5 minutes',
			},
			{kind: 'note', at: '2024-03-14T14:52:47.401Z', author: 'alice', by: 'alertmanager', text: expect.stringMatching(/^Resolved: HighErrorRate \(instance=payments-api-2c4b1:8080, /)},
		]);
		await listener.until(() => notificationLines(listener)[0]);
		expect(notificationLines(listener)).toEqual([
			`alertmanager: logged 2 to ${id}: detection "HighErrorRate (instance=payments-api-7d9f8:8080, job=payments-api, service=payments-api, severity=page): 5xx above 5% for 5 minutes", note "Resolved: HighErrorRate (instance=payments-api-2c4b1:8080, job=payments-api, service=payments-api, severity=page): 5xx above 5% for 5 minutes"`,
		]);
		expect(cli('list').stdout).toContain(id);
	});

	it('logs a Grafana alerting notification the same way, done by grafana, its times in UTC', async () => {
		const id = openIncident();
		const listener = await listen();
		expect((await listener.post(GRAFANA)).status).toBe(200);
		expect(alertNotes(id).map(({kind, at, by, text}) => ({kind, at, by, text}))).toEqual([
			{kind: 'detection', at: '2024-03-14T14:54:10.517Z', by: 'grafana', text: 'Checkout latency p99 (service=checkout, team=payments): p99 2.8 s in eu-west-1'},
			{kind: 'note', at: '2024-03-14T14:50:00.000Z', by: 'grafana', text: 'Resolved: Checkout queue depth (service=checkout, team=payments): queue back under 1000'},
		]);
	});

	it('logs a notification delivered again once, also in parallel and after a restart; SIGTERM and SIGINT stop it cleanly', async () => {
		const id = openIncident();
		const first = await listen();
		const responses = await Promise.all([first.post(ALERTMANAGER), first.post(ALERTMANAGER), first.post(ALERTMANAGER)]);
		expect(responses.map(response => response.status)).toEqual([200, 200, 200]);
		expect(alertNotes(id)).toHaveLength(2);
		expect(await first.stop('SIGTERM')).toBe(0);
		expect(first.stdout).toMatch(/Stopped listening\.\n$/);
		expect(notificationLines(first).filter(line => line.endsWith('nothing new for ' + id + '; 2 already logged'))).toHaveLength(2);

		const second = await listen();
		const again = await second.post(ALERTMANAGER);
		expect(again).toMatchObject({status: 200, text: `alertmanager: nothing new for ${id}; 2 already logged\n`});
		expect(alertNotes(id)).toHaveLength(2);
		expect(await second.stop('SIGINT')).toBe(0);
	});

	it('with no open incident refuses with 409 and writes nothing; with --open SEV the first firing alert opens one', async () => {
		const without = await listen();
		expect(without.stdout).toContain('no open incident yet: alerts are refused until one is open');
		const refused = await without.post(ALERTMANAGER);
		expect(refused.status).toBe(409);
		expect(refused.text).toMatch(/^no open incident to log the alerts to; nothing was written \(open one with `incident-tui new "Title" --sev 1`, or restart listen with --open SEV\)\n$/);
		await without.until(() => (without.stderr.includes('409') ? true : undefined));
		expect(without.stderr).toMatch(/^incident-tui: refused a request from alertmanager at 127\.0\.0\.1: 409 no open incident/);
		await without.stop();

		const opener = await listen('--open', '2');
		const resolvedOnly = JSON.parse(GRAFANA) as {alerts: {status: string}[]};
		resolvedOnly.alerts = resolvedOnly.alerts.filter(alert => alert.status === 'resolved');
		expect((await opener.post(resolvedOnly)).status).toBe(409);
		expect(readdirSync(cwd)).not.toContain('docs');

		const opened = await opener.post(GRAFANA);
		expect(opened.status).toBe(200);
		const id = /^opened (\S+); grafana: logged 2 to \1: /.exec(opened.text)![1]!;
		const [opening, ...rest] = journalEvents(id);
		expect(opening).toMatchObject({type: 'incident.opened', title: 'Checkout latency p99 (service=checkout, team=payments)', severity: 2, commander: 'alice'});
		expect(rest.map(event => event.type === 'note.logged' && event.kind)).toEqual(['detection', 'note']);
		// The next notification goes to the incident just opened.
		expect((await opener.post(ALERTMANAGER)).text).toMatch(new RegExp(`^alertmanager: logged 2 to ${id}: `));
	});

	it('refuses to start beyond loopback without a token; with one, requests need it', async () => {
		const refused = ListenProcess.start(['--bind', '0.0.0.0'], {cwd, configDir, env});
		expect(await refused.exit()).toBe(1);
		expect(refused.stderr).toMatch(/^incident-tui: listening on 0\.0\.0\.0 lets other machines write to the timeline, so it needs a token \(set INCIDENT_TUI_LISTEN_TOKEN \(or pass --token\)/);
		expect(refused.stderr.trim().split('\n')).toHaveLength(1);
		expect(refused.stdout).toBe('');

		const id = openIncident();
		const guarded = await ListenProcess.start(['--bind', '0.0.0.0'], {cwd, configDir, env: {INCIDENT_TUI_LISTEN_TOKEN: 's3cret'}}).ready();
		expect(guarded.stdout).toMatch(/^Listening on http:\/\/0\.0\.0\.0:\d+ /);
		expect((await guarded.post(ALERTMANAGER)).status).toBe(401);
		expect((await guarded.post(ALERTMANAGER, {Authorization: 'Bearer s3cre'})).status).toBe(401);
		expect(alertNotes(id)).toHaveLength(0);
		expect((await guarded.post(ALERTMANAGER, {Authorization: 'Bearer s3cret'})).status).toBe(200);
		expect(alertNotes(id)).toHaveLength(2);
	});

	it('answers a wrong token 401, bad JSON 400, a body over 1 MB 413 and an unknown payload 422, and writes nothing', async () => {
		const id = openIncident();
		const listener = await listen('--token', 't0ken');
		const auth = {Authorization: 'Bearer t0ken'};
		const oversized = JSON.parse(ALERTMANAGER) as {alerts: {annotations: Record<string, string>}[]};
		oversized.alerts[0]!.annotations['description'] = 'x'.repeat(1024 * 1024);
		const before = filesUnder(join(cwd, 'docs'));

		const answers = [
			await listener.post(ALERTMANAGER, {Authorization: 'Bearer wrong'}),
			await listener.post(ALERTMANAGER),
			await listener.post(`${ALERTMANAGER.slice(0, -10)}`, auth),
			await listener.post(oversized, auth),
			await listener.post({...JSON.parse(ALERTMANAGER), version: '3'}, auth),
			await listener.post({...JSON.parse(ALERTMANAGER), alerts: [{status: 'firing'}]}, auth),
		];
		expect(answers.map(answer => answer.status)).toEqual([401, 401, 400, 413, 422, 422]);
		expect(answers[4]!.text).toBe('not an Alertmanager (version "4") or Grafana alerting (version "1") webhook body\n');
		expect(filesUnder(join(cwd, 'docs'))).toEqual(before);
		await listener.until(() => (listener.stderr.split('\n').length > 6 ? true : undefined));
		expect(listener.stderr.split('\n').slice(0, 6).map(line => /: (\d{3}) /.exec(line)?.[1])).toEqual(['401', '401', '400', '413', '422', '422']);
		expect(alertNotes(id)).toHaveLength(0);
		// Still serving.
		expect((await listener.post(ALERTMANAGER, auth)).status).toBe(200);
	});

	it('journals each of 1,000 alerts posted in parallel exactly once, and again once when all are delivered twice', async () => {
		const id = openIncident();
		const listener = await listen();
		const template = JSON.parse(ALERTMANAGER) as {alerts: {fingerprint: string; labels: Record<string, string>}[]};
		const notifications = Array.from({length: 1000}, (_, index) => {
			const alert = {...template.alerts[0]!, fingerprint: `f${index.toString(16).padStart(15, '0')}`, labels: {...template.alerts[0]!.labels, instance: `pod-${index}`}};
			return JSON.stringify({...template, alerts: [alert]});
		});
		const postAll = async () => {
			const statuses: number[] = [];
			for (let start = 0; start < notifications.length; start += 50) {
				const batch = await Promise.all(notifications.slice(start, start + 50).map(body => listener.post(body)));
				statuses.push(...batch.map(response => response.status));
			}
			return statuses;
		};
		// The second round runs beside the first, so each alert arrives twice at once.
		const [first, second] = await Promise.all([postAll(), postAll()]);
		expect([...first, ...second].every(status => status === 200)).toBe(true);
		const keys = alertNotes(id).map(note => note.alert);
		expect(keys).toHaveLength(1000);
		expect(new Set(keys).size).toBe(1000);
		expect(notificationLines(listener).filter(line => line.includes(': logged 1 to '))).toHaveLength(1000);
	});

	it('shows the alerts on the live screen as they arrive', async () => {
		const id = openIncident();
		const app = await renderApp(testContext(join(cwd, 'docs')), id, {size: {columns: 160, rows: 40}});
		const listener = await listen();
		expect((await listener.post(GRAFANA)).status).toBe(200);
		const frame = await app.waitFor('Checkout latency p99', 5000);
		expect(frame).toMatch(/detection +grafana\b[^\n]*Checkout latency p99/);
	});
});
