import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {createAlertIntake} from '../../source/commands/alert-intake.js';
import {createCommandContext} from '../../source/commands/command-context.js';
import {listIncidents} from '../../source/commands/list-incidents.js';
import {loadIncident} from '../../source/commands/load-incident.js';
import {openIncident} from '../../source/commands/open-incident.js';
import {parseAlertNotification, type AlertNotification} from '../../source/core/alert-payload.js';
import {isKnownEvent} from '../../source/core/events.js';
import {makeTempDir} from '../helpers/temp-dir.js';

// Requests that arrive together, in one process and a real journal: the
// parallel cases that real HTTP cannot make happen on purpose.

function notification(name: string): AlertNotification {
	const parsed = parseAlertNotification(JSON.parse(readFileSync(new URL(`../fixtures/alerts/${name}.json`, import.meta.url), 'utf8')));
	if (!parsed.ok) throw new Error(parsed.reason);
	return parsed.notification;
}

const alertKeys = (docsDir: string, incidentId: string) =>
	loadIncident(docsDir, incidentId).events.flatMap(event => (isKnownEvent(event) && event.type === 'note.logged' && event.alert ? [event.alert] : []));

describe('alert intake', () => {
	it('writes a notification delivered twice at once exactly once, and answers the second only once the first is on disk', async () => {
		const docsDir = makeTempDir();
		const context = createCommandContext(docsDir, 'alice');
		const {incidentId} = openIncident(context, {title: 'Payments down', severity: 1});
		const intake = createAlertIntake(context, {});

		const first = intake.receive(notification('alertmanager-webhook'));
		const second = intake.receive(notification('alertmanager-webhook'));
		const secondOutcome = await second;
		expect(alertKeys(docsDir, incidentId)).toHaveLength(2);
		expect(secondOutcome).toMatchObject({incidentId, logged: [], repeats: 2});
		expect((await first).logged).toHaveLength(2);
	});

	it('opens one incident, not two, when two firing notifications arrive at once with --sev', async () => {
		const docsDir = makeTempDir();
		const intake = createAlertIntake(createCommandContext(docsDir, 'alice'), {openSeverity: 2});
		const outcomes = await Promise.all([intake.receive(notification('grafana-webhook')), intake.receive(notification('alertmanager-webhook'))]);
		expect(outcomes.map(outcome => outcome.opened)).toEqual([true, false]);
		const incidents = listIncidents(docsDir, new Date());
		expect(incidents.map(incident => incident.id)).toEqual([outcomes[0]!.incidentId]);
		expect(alertKeys(docsDir, outcomes[0]!.incidentId)).toHaveLength(4);
	});
});
