import {expect, it} from 'vitest';
import {createCommandContext} from '../../source/commands/command-context.js';
import {closeIncident} from '../../source/commands/closure.js';
import {recordEvent} from '../../source/commands/record-event.js';
import {listIncidents, listOpenIncidents} from '../../source/commands/list-incidents.js';
import {loadIncident} from '../../source/commands/load-incident.js';
import {openIncident} from '../../source/commands/open-incident.js';
import {makeTempDir} from '../helpers/temp-dir.js';

it('lists only open incidents, newest first, including one whose closing was undone', () => {
	const docsDir = makeTempDir();
	const context = createCommandContext(docsDir, 'alice');
	const [closed, reopened, resolved, open] = ['Closed', 'Reopened', 'Resolved', 'Open'].map(title => openIncident(context, {title, severity: 2}).incidentId);
	closeIncident(context, closed!, 'no monitor needed for a test', context.now());
	closeIncident(context, reopened!, 'closed too early', context.now());
	const closing = loadIncident(docsDir, reopened!).state.timeline.find(entry => entry.kind === 'closed')!;
	recordEvent(context, reopened!, {type: 'event.retracted', target: closing.eventId});
	const statusEvent = loadIncident(docsDir, reopened!).state.timeline.find(entry => entry.kind === 'status')!;
	recordEvent(context, reopened!, {type: 'event.retracted', target: statusEvent.eventId});
	recordEvent(context, resolved!, {type: 'status.changed', status: 'resolved'});

	expect(listOpenIncidents(docsDir, context.now()).map(incident => incident.id)).toEqual([open, reopened]);
	expect(listIncidents(docsDir, context.now()).filter(incident => incident.open).map(incident => incident.id)).toEqual([open, reopened]);
});
