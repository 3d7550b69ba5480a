import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {alertEntries, parseAlertNotification, type AlertNotification} from '../../source/core/alert-payload.js';

const fixture = (name: string): Record<string, unknown> =>
	JSON.parse(readFileSync(new URL(`../fixtures/alerts/${name}.json`, import.meta.url), 'utf8')) as Record<string, unknown>;
const NOW = new Date('2024-03-14T15:30:00.000Z');

function parsed(body: unknown): AlertNotification {
	const result = parseAlertNotification(body);
	if (!result.ok) throw new Error(result.reason);
	return result.notification;
}

describe('parseAlertNotification', () => {
	it('recognises an Alertmanager (version 4) body', () => {
		const notification = parsed(fixture('alertmanager-webhook'));
		expect(notification.source).toBe('alertmanager');
		expect(notification.alerts).toHaveLength(2);
	});

	it('recognises a Grafana unified alerting (version 1) body', () => {
		const notification = parsed(fixture('grafana-webhook'));
		expect(notification.source).toBe('grafana');
		expect(notification.alerts.map(alert => alert.fingerprint)).toEqual(['e3b9d6a0c2f14758', '5c7e2a91d04b36f8']);
	});

	it('refuses other bodies with one line that says what is wrong', () => {
		const grafanaWithoutOrg = {...fixture('grafana-webhook'), orgId: undefined};
		const amWithBadTime = fixture('alertmanager-webhook');
		(amWithBadTime['alerts'] as {startsAt: string}[])[0]!.startsAt = 'yesterday';
		const cases: [unknown, RegExp][] = [
			[{}, /^not an Alertmanager \(version "4"\) or Grafana alerting \(version "1"\) webhook body$/],
			[[], /^not an Alertmanager/],
			[null, /^not an Alertmanager/],
			[{version: '3', alerts: []}, /^not an Alertmanager/],
			// Grafana's legacy alerting: no version at all.
			[{ruleName: 'cpu', state: 'alerting', evalMatches: []}, /^not an Alertmanager/],
			[grafanaWithoutOrg, /^not a valid grafana webhook body: orgId: /],
			[amWithBadTime, /^not a valid alertmanager webhook body: alerts\.0\.startsAt: /],
			[{...fixture('alertmanager-webhook'), alerts: [{status: 'pending', labels: {}, startsAt: '2024-03-14T14:55:02Z', fingerprint: 'x'}]}, /alerts\.0\.status/],
			[{...fixture('alertmanager-webhook'), alerts: [{status: 'firing', labels: {n: 1}, startsAt: '2024-03-14T14:55:02Z', fingerprint: 'x'}]}, /alerts\.0\.labels\.n/],
		];
		for (const [body, reason] of cases) {
			const result = parseAlertNotification(body);
			expect(result.ok).toBe(false);
			if (!result.ok) {
				expect(result.reason).toMatch(reason);
				expect(result.reason).not.toContain('\n');
			}
		}
	});
});

describe('alertEntries', () => {
	it('makes a firing alert a detection at its start and a resolved one a note at its end (Alertmanager)', () => {
		expect(alertEntries(parsed(fixture('alertmanager-webhook')), NOW)).toEqual([
			{
				key: 'alertmanager:3f5a6c1d2b9e8a70:firing:2024-03-14T14:55:02.918Z',
				kind: 'detection',
				text: 'HighErrorRate (instance=payments-api-7d9f8:8080, job=payments-api, service=payments-api, severity=page): 5xx above 5% for 5 minutes',
				at: new Date('2024-03-14T14:55:02.918Z'),
				firing: true,
				title: 'HighErrorRate (instance=payments-api-7d9f8:8080, job=payments-api, service=payments-api, severity=page)',
			},
			{
				key: 'alertmanager:b81e0c7a45d2f391:resolved:2024-03-14T14:41:32.401Z',
				kind: 'note',
				text: 'Resolved: HighErrorRate (instance=payments-api-2c4b1:8080, job=payments-api, service=payments-api, severity=page): 5xx above 5% for 5 minutes',
				at: new Date('2024-03-14T14:52:47.401Z'),
				firing: false,
				title: 'HighErrorRate (instance=payments-api-2c4b1:8080, job=payments-api, service=payments-api, severity=page)',
			},
		]);
	});

	it('reads Grafana times with their offset into UTC and leaves its folder label out', () => {
		const [firing, resolved] = alertEntries(parsed(fixture('grafana-webhook')), NOW);
		expect(firing).toMatchObject({
			kind: 'detection',
			text: 'Checkout latency p99 (service=checkout, team=payments): p99 2.8 s in eu-west-1',
			at: new Date('2024-03-14T14:54:10.517Z'),
			key: 'grafana:e3b9d6a0c2f14758:firing:2024-03-14T14:54:10.517Z',
		});
		expect(resolved).toMatchObject({kind: 'note', text: 'Resolved: Checkout queue depth (service=checkout, team=payments): queue back under 1000', at: new Date('2024-03-14T14:50:00.000Z')});
	});

	it('keys a later firing of the same labels apart from the first, and the resolution apart from both', () => {
		const alert = {status: 'firing', labels: {alertname: 'Down'}, startsAt: '2024-03-14T10:00:00Z', fingerprint: 'f00d'};
		const body = {version: '4', groupKey: 'g', status: 'firing', receiver: 'r', alerts: [alert, {...alert, startsAt: '2024-03-14T12:00:00Z'}, {...alert, status: 'resolved', endsAt: '2024-03-14T10:30:00Z'}]};
		const keys = alertEntries(parsed(body), NOW).map(entry => entry.key);
		expect(new Set(keys).size).toBe(3);
	});

	it('takes a start ahead of now (a fast clock at the sender) as now, and a resolution without an end as now', () => {
		const body = {
			version: '4',
			groupKey: 'g',
			status: 'firing',
			receiver: 'r',
			alerts: [
				{status: 'firing', labels: {alertname: 'Ahead'}, startsAt: '2024-03-14T15:31:00Z', fingerprint: 'a'},
				{status: 'resolved', labels: {alertname: 'NoEnd'}, startsAt: '2024-03-14T15:00:00Z', endsAt: '0001-01-01T00:00:00Z', fingerprint: 'b'},
			],
		};
		expect(alertEntries(parsed(body), NOW).map(entry => entry.at)).toEqual([NOW, NOW]);
	});

	it('keeps the text short and on one line whatever the labels hold', () => {
		const labels = Object.fromEntries(Array.from({length: 8}, (_, index) => [`label${index}`, `${'v'.repeat(60)}\n${index}`]));
		const body = {
			version: '4',
			groupKey: 'g',
			status: 'firing',
			receiver: 'r',
			alerts: [{status: 'firing', labels: {...labels, alertname: 'Noisy\nName'}, annotations: {summary: 's'.repeat(500)}, startsAt: '2024-03-14T15:00:00Z', fingerprint: 'n'}],
		};
		const [entry] = alertEntries(parsed(body), NOW);
		expect(entry!.text).not.toContain('\n');
		expect(entry!.text).toMatch(/^Noisy Name \(label0=v{39}…, label1=.*, label4=v{39}…, \+3 more\): s{199}…$/);
		expect(entry!.title.length).toBeLessThanOrEqual(200);
	});

	it('names an alert without an alertname "Alert"', () => {
		const body = {version: '4', groupKey: 'g', status: 'firing', receiver: 'r', alerts: [{status: 'firing', labels: {}, startsAt: '2024-03-14T15:00:00Z', fingerprint: 'z'}]};
		expect(alertEntries(parsed(body), NOW)[0]!.text).toBe('Alert');
	});
});
