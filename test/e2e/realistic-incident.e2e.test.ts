import {execFileSync} from 'node:child_process';
import {existsSync, readFileSync, readdirSync} from 'node:fs';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {formatDuration} from '../../source/core/metrics.js';
import {journalLines, onlyIncidentId} from '../helpers/journal-lines.js';
import {skipWithout} from '../helpers/requirements.js';
import {runCli} from '../helpers/run-cli.js';
import {makeTempDir} from '../helpers/temp-dir.js';
import {hasTmux, TmuxSession} from '../helpers/tmux.js';

// A SEV-1 as a commander lives it, typed only on the live screen of the built
// CLI: a config push made the payments API return 502s for 67 minutes, and the
// commander wrote most of it down after the fact. Every milestone is given to
// the minute with `@WHEN`, so every figure in the header and the published
// report is an exact difference, whatever minute the test runs in.

const MINUTE = 60_000;

let repo: string;
let configDir: string;
let session: TmuxSession | undefined;

beforeEach(() => {
	repo = makeTempDir();
	configDir = makeTempDir();
	execFileSync('git', ['init', '-q'], {cwd: repo});
	execFileSync('git', ['config', 'user.name', 'Alice Example'], {cwd: repo});
	execFileSync('git', ['config', 'user.email', 'alice@example.com'], {cwd: repo});
	execFileSync('git', ['commit', '-q', '--allow-empty', '-m', 'Initial commit'], {cwd: repo});
	runCli(['config', 'set', 'handle', 'alice'], {cwd: repo, configDir});
});
afterEach(() => session?.close());

/** `2026-11-25 18:38`: the full UTC form, so a story that crosses midnight means the same. */
const full = (at: Date) => `${at.toISOString().slice(0, 10)} ${at.toISOString().slice(11, 16)}`;
const hhmm = (at: Date) => at.toISOString().slice(11, 16);
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** `text` as the screen may wrap it beside another column: a space may be a line break and the next line's start. */
const wrapped = (text: string) => new RegExp(text.split(' ').map(escape).join('[\\s\\S]{1,40}?'));

/** The header's way of showing a milestone: `18:38` today, `11-24 18:38` on another UTC day (either, as the clock may pass midnight). */
const shownAt = (at: Date) => `(?:${escape(at.toISOString().slice(5, 10))} )?${hhmm(at)}`;
/** A confirmation's time: `18:38:00 UTC`, with the date when it is not today. */
const confirmedAt = (at: Date) => `(?:${at.toISOString().slice(0, 10)} )?${at.toISOString().slice(11, 19)} UTC`;

describe.skipIf(skipWithout(hasTmux, 'tmux is not installed: the end-to-end tests in a real terminal'))('a realistic SEV-1 on the live screen (tmux)', () => {
	it.each([
		[80, 24],
		[120, 40],
	])('runs, corrects and publishes it at %ix%i, and every figure matches what happened', async (columns, rows) => {
		// Whole minutes before the start of this minute: never in the future, never on a minute boundary's wrong side.
		const base = Math.floor(Date.now() / MINUTE) * MINUTE;
		const ago = (minutes: number) => new Date(base - minutes * MINUTE);
		const impact = ago(71);
		const detected = ago(69);
		const acknowledged = ago(66);
		const declared = ago(63);
		const mitigated = ago(28);
		const resolved = ago(4);

		session = new TmuxSession({cwd: repo, configDir, columns, rows});
		const tmux = session;
		/** Opens a prompt with `key`, types `text` once the prompt is on screen, and saves it once the end of it shows at the cursor. */
		const prompt = async (key: string, label: string, text: string) => {
			await tmux.keys(key);
			await tmux.waitFor(label);
			await tmux.text(text);
			await tmux.waitFor(`${text.slice(-16)}█`);
			await tmux.keys('Enter');
		};

		await tmux.waitFor('Title ›');
		await tmux.waitForRawMode();
		await tmux.text('Payments API 502s after gateway config push');
		await tmux.keys('Enter');
		await tmux.keys('1');
		await tmux.waitFor('Commander › alice');
		await tmux.keys('Enter');
		await tmux.waitFor('Detection & Triage 0/8');
		const incidentId = onlyIncidentId(repo);

		// The first immediate action, ticked now: no milestone may come from it.
		await tmux.keys('Space');
		await tmux.waitFor('Detection & Triage 1/8');

		await prompt('i', 'Impact @', `@${full(impact)} card payments failing: payments-api returns 502 to checkout`);
		await tmux.waitFor(new RegExp(`Logged impact at ${confirmedAt(impact)}`));
		await prompt('d', 'Detection @', `@${full(detected)} PagerDuty: payments-api 5xx above 5% for 1 min`);
		await tmux.waitFor('Logged detection');
		await prompt('k', 'Acknowledged @', `@${full(acknowledged)} alice acked the page, opened #inc-payments`);
		await tmux.waitFor('Logged acknowledged');

		await prompt('h', 'Hypothesis @', `@${full(ago(60))} primary DB failover dropped the gateway connections`);
		await tmux.waitFor('How will you test it');
		await tmux.text('compare the failover log with the 502 onset');
		await tmux.keys('Enter');
		await tmux.waitFor(new RegExp(`Hypothesis added at ${confirmedAt(ago(60))}`));
		await tmux.keys('r');
		await tmux.waitFor('Result for H1: primary DB failover');
		await prompt('r', 'Evidence (ruled-out) for H1', `@${full(ago(55))} no failover in 3 days; DB latency flat`);
		await tmux.waitFor(new RegExp(`H1 ruled out at ${confirmedAt(ago(55))}`));

		await prompt('h', 'Hypothesis @', `@${full(ago(52))} config push r1842 set the gateway upstream pool to 0`);
		await tmux.waitFor('How will you test it');
		await tmux.text('diff r1841..r1842 on the gateways');
		await tmux.keys('Enter');
		await tmux.waitFor(new RegExp(`Hypothesis added at ${confirmedAt(ago(52))}`));
		await tmux.keys('r');
		await tmux.waitFor('Result for H2: config push r1842');
		await prompt('c', 'Evidence (confirmed) for H2', `@${full(ago(48))} r1842 has upstream_pool_size: 0 on every gateway`);
		await tmux.waitFor(new RegExp(`H2 confirmed at ${confirmedAt(ago(48))}`));

		// The status changed when the cause was found, not now: `@` stamps it.
		await prompt('@', 'Time of the next status', full(ago(47)));
		await tmux.waitFor('for the next status, severity, tick or close');
		await tmux.keys('s');
		await tmux.waitFor('Status:');
		await tmux.keys('2');
		await tmux.waitFor(new RegExp(`Status: Identified at ${confirmedAt(ago(47))}`));

		// Bob rolled back; alice writes it down, naming him as the doer.
		await prompt('m', 'Mitigation @', `@${full(mitigated)} @bob: rolled back the gateway config to r1841`);
		await tmux.waitFor('Logged mitigation');
		await prompt('n', 'Note @', `@${full(ago(25))} 502s falling; retry storm from mobile clients in teh gateway logs`);
		await tmux.waitFor('Logged note');
		await prompt('n', 'Note @', `@${full(ago(22))} wrong incident: EU checkout latency back to normal`);
		await tmux.waitFor('Logged note');
		await prompt('R', 'Resolution @', `@${full(resolved)} 5xx at baseline for 20 minutes`);
		await tmux.waitFor('Logged resolution');

		// Corrections in the timeline, oldest last: the typo, the declaration (the opening was
		// typed late, at the key press), and the note that belongs to another incident.
		// Timeline order: impact, detection, ack, H1, H1 result, H2, H2 result, status, mitigation,
		// typo note, wrong note, resolution, opened (now), checklist tick (now).
		/** Waits until the event selected in the timeline (its rows start with `›`, wrapped or not) says `text`. */
		const selected = async (text: string) => {
			const deadline = Date.now() + 15_000;
			for (;;) {
				const screen = tmux.screen();
				const rows = screen.split('\n').filter(line => line.includes('›')).map(line => line.slice(line.indexOf('›') + 1).trim());
				if (rows.join(' ').replace(/\s+/g, ' ').includes(text)) return;
				if (Date.now() > deadline) throw new Error(`"${text}" is not the selected event; screen:\n${screen}`);
				await new Promise(resolve => setTimeout(resolve, 50));
			}
		};
		await tmux.keys('Tab');
		await tmux.waitFor('▶ Timeline');
		await tmux.keys('Up', 'Up', 'Up', 'Up');
		await selected('retry storm');
		await tmux.keys('E');
		await tmux.waitFor('teh gateway logs█');
		await tmux.keys('C-w', 'C-w', 'C-w');
		await tmux.text('the gateway logs');
		await tmux.keys('Enter');
		await tmux.waitFor('Amended: text');

		await tmux.keys('Down', 'Down', 'Down');
		await selected('Incident opened');
		await tmux.keys('E');
		await tmux.waitFor('Amend "Incident op');
		// What is being changed must be in view, even at 80 columns: the time and the doer.
		await tmux.waitFor('@alice: █');
		await tmux.keys('C-u');
		await tmux.text(`@${full(declared)}`);
		await tmux.keys('Enter');
		await tmux.waitFor(new RegExp(`Amended: time [-\\d: ]+ → ${confirmedAt(declared)}`));

		// The opening moved back between ack and H1, and stays selected: the wrong note is 8 below.
		await tmux.keys('Down', 'Down', 'Down', 'Down', 'Down', 'Down', 'Down', 'Down');
		await selected('wrong incident');
		await tmux.keys('u');
		await tmux.waitFor('Undo "alice\'s note: wrong incident');
		await tmux.keys('y');
		await tmux.waitFor('Undone');

		// The header: every milestone at its real time, the elapsed time from the corrected declaration.
		const milestones = new RegExp(
			[
				`impact ${shownAt(impact)}`,
				`det(?:ected)? ${shownAt(detected)}`,
				`ack ${shownAt(acknowledged)}`,
				`decl(?:ared)? ${shownAt(declared)}`,
				`mitig(?:ated)? ${shownAt(mitigated)}`,
				`res(?:olved)? ${shownAt(resolved)}`,
			].join(' · '),
		);
		const header = await tmux.waitFor(milestones);
		const status = /Identified · (\d+h \d\dm) · IC alice · (\d\d):(\d\d):(\d\d) UTC · update overdue (\d+h \d\dm|\d+m \d\ds)/.exec(header);
		expect(status, header).not.toBeNull();
		// Both figures from the clock the same frame shows: since the declaration, and since the update fell due (30 min after it, none sent).
		const [, elapsed, hours, minutes, seconds, overdue] = status!;
		const clock = Date.UTC(new Date(base).getUTCFullYear(), new Date(base).getUTCMonth(), new Date(base).getUTCDate(), Number(hours), Number(minutes), Number(seconds));
		const shownNow = clock < base - MINUTE ? clock + 86_400_000 : clock;
		expect(elapsed).toBe(formatDuration(shownNow - declared.getTime()));
		expect(overdue).toBe(formatDuration(shownNow - declared.getTime() - 30 * MINUTE));
		// T+ counts from the impact's start.
		expect(header).toMatch(new RegExp(`${hhmm(resolved)}:00 T\\+1:07:00 resolution`));

		// The closure wizard, answered step by step, in the order a postmortem is written.
		const step = async (number: number, answer?: string) => {
			await tmux.waitFor(`step ${number}/32`);
			if (answer === undefined) {
				await tmux.keys('Tab');
				return;
			}
			await tmux.text(answer);
			await tmux.keys('Enter');
		};
		await tmux.keys('w');
		await step(1, 'A config push set the payments gateway upstream pool to 0; card payments failed with 502 for 67 minutes.');
		await step(2, 'Every customer paying by card at checkout');
		await step(3, 'about 18,000 checkout attempts');
		await step(4, '67 minutes');
		await step(5, 'card payments, all regions');
		await step(6, 'none');
		await step(7, 'about 2,400 orders lost');
		await step(8, 'the payments-api 5xx ratio page');
		await step(9);
		await step(10, 'No pre-deploy check of gateway pool sizes');
		await step(11, 'The gateways had no upstream connections');
		await step(12, 'r1842 set upstream_pool_size to 0');
		await step(13, 'The value was templated from an empty variable');
		await step(14, 'The config linter accepts 0 as a pool size');
		await step(15, 'No schema for gateway config values');
		// The root cause starts as the last why: replace it.
		await tmux.waitFor('step 16/32');
		await tmux.keys('C-u');
		await step(16, 'The gateway config has no schema, so an empty variable became a pool size of 0');
		await step(17, 'Config push r1842 to all gateways at once');
		for (const skipped of [18, 19, 20, 21, 22, 23, 24, 25]) await step(skipped);
		await step(26, 'Rolling back first, debugging second');
		await step(27, 'Pushing config to every gateway at once');
		await step(28, 'Canary config pushes to one gateway');
		await tmux.waitFor('step 29/32');
		await tmux.waitFor('New action item (empty: go on)');
		await tmux.text('Add a schema that refuses a pool size below 1');
		await tmux.keys('Enter');
		await tmux.waitFor('Type › p prevent');
		await tmux.keys('p');
		await tmux.waitFor('Owner ›');
		await tmux.text('carol');
		await tmux.keys('Enter');
		await tmux.waitFor('Priority › press 0, 1, 2 or 3');
		await tmux.keys('1');
		await tmux.waitFor('Due (YYYY-MM-DD, optional)');
		await tmux.keys('Enter');
		await tmux.waitFor('Ticket or PR link (optional)');
		await tmux.keys('Enter');
		await tmux.waitFor('Status › o open');
		await tmux.keys('o');
		await tmux.waitFor('P1 Add a schema that refuses');
		await tmux.keys('Enter');
		await tmux.waitFor('step 30/32');
		await tmux.keys('t');
		await tmux.waitFor('test (path, test id or alert)');
		await tmux.text('gateway/config_schema_test.go::TestPoolSizePositive');
		await tmux.keys('Enter');
		await tmux.waitFor('What it checks');
		await tmux.text('a pool size below 1 fails the config build');
		await tmux.keys('Enter');
		await tmux.waitFor('step 31/32');
		await tmux.waitFor(wrapped(`y closes the incident as Resolved at ${full(resolved)} UTC (the resolution milestone)`));
		await tmux.keys('y');
		await tmux.waitFor('y renders the report');
		await tmux.keys('y');
		await tmux.waitFor(new RegExp(`Published ${incidentId}: commit [0-9a-f]{7}`), 30_000);

		const closed = await tmux.waitFor(milestones);
		expect(closed).toMatch(/^ SEV-1 .*\n\s*Resolved · /);

		await tmux.keys('q');
		await tmux.waitFor('[exit 0]');

		// Published: committed with the journal, the report and the log.
		const log = execFileSync('git', ['log', '-1', '--name-only', '--format=%s'], {cwd: repo, encoding: 'utf8'});
		expect(log).toMatch(new RegExp(`^incident\\(${incidentId}\\): Payments API 502s after gateway config push \\[SEV-1, resolved\\]`));
		const reportName = readdirSync(join(repo, 'docs', 'incidents')).find(name => name.startsWith(incidentId) && name.endsWith('.md'))!;
		expect(log).toContain(`docs/incidents/${reportName}`);
		const report = readFileSync(join(repo, 'docs', 'incidents', reportName), 'utf8');
		expect(execFileSync('git', ['show', `HEAD:docs/incidents/${reportName}`], {cwd: repo, encoding: 'utf8'})).toBe(report);

		// The metrics, from milestones only: detect, acknowledge, mitigate, resolve, then the duration.
		expect(report).toMatch(/2m 00s[\s\S]*3m 00s[\s\S]*41m 00s[\s\S]*1h 05m/);
		expect(report).toContain('1h 07m');
		// The milestone times, each beside its own words.
		const lines = report.split('\n');
		const expectLine = (text: string, pattern: RegExp | string) =>
			expect(
				lines.some(line => line.includes(text) && (typeof pattern === 'string' ? line.includes(pattern) : pattern.test(line))),
				`a line of the report with "${text}" and ${String(pattern)}:\n${report}`,
			).toBe(true);
		expectLine('card payments failing', hhmm(impact));
		expectLine('PagerDuty: payments-api', hhmm(detected));
		expectLine('alice acked the page', hhmm(acknowledged));
		expectLine('rolled back the gateway config to r1841', hhmm(mitigated));
		expectLine('5xx at baseline for 20 minutes', hhmm(resolved));
		expectLine('(SEV-1), commander alice', hhmm(declared));
		expect(report).toContain(`${full(declared)} UTC`);
		expect(report).toContain(`${full(resolved)} UTC`);
		// Bob is the mitigation's owner: alice only typed it.
		expectLine('rolled back the gateway config to r1841', /\bbob\b/);
		// The corrected text, never the typo; the retracted note is gone.
		expect(report).toContain('retry storm from mobile clients in the gateway logs');
		expect(report).not.toContain('teh gateway');
		expect(report).not.toContain('wrong incident');
		// The hypotheses, the closure answers, the action and the invariant.
		expectLine('primary DB failover dropped', /ruled out/i);
		expectLine('config push r1842 set the gateway', /confirmed/i);
		for (const text of [
			'A config push set the payments gateway upstream pool to 0',
			'The gateway config has no schema, so an empty variable became a pool size of 0',
			'Config push r1842 to all gateways at once',
			'Add a schema that refuses a pool size below 1',
			'Rolling back first, debugging second',
			'Canary config pushes to one gateway',
			'gateway/config_schema_test.go::TestPoolSizePositive',
		]) {
			expect(report).toContain(text);
		}

		// And the journal agrees: the originals stay, corrected by amendments and a retraction.
		const events = journalLines(repo, incidentId);
		expect(events.filter(event => event['type'] === 'event.amended')).toHaveLength(2);
		expect(events.filter(event => event['type'] === 'event.retracted')).toHaveLength(1);
		expect(events.some(event => String(event['text'] ?? '').includes('teh gateway'))).toBe(true);
		expect(existsSync(join(repo, 'docs', 'INCIDENT_LOG.md'))).toBe(true);
		// About 80 screens waited for: ten seconds here, several times that on a loaded CI machine.
	}, 180_000);
});

