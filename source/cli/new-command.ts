import {findNewestOpenIncident} from '../commands/find-incident.js';
import {openIncident} from '../commands/open-incident.js';
import {UserError} from '../commands/command-errors.js';
import {severityLabel} from '../core/describe-event.js';
import {displaySafe} from '../core/display-safe.js';
import type {CliSetup} from './cli-setup.js';
import {parseAt, parseSeverity} from './parse-flags.js';
import {print, shownPath} from './output.js';
import {writtenEventConfirmation} from './written-event.js';

export interface NewFlags {
	sev?: string;
	commander?: string;
	env?: string;
	at?: string;
}

export function newCommand(setup: CliSetup, args: string[], flags: NewFlags): void {
	if (args.length === 0) throw new UserError('give the incident a title: incident-tui new "Checkout 5xx" --sev 1');
	const severity = parseSeverity(flags.sev);
	const at = parseAt(flags.at, setup.context.now());
	const alreadyOpen = findNewestOpenIncident(setup.workspace.docsDir);
	const {incidentId, directory, event} = openIncident(setup.context, {
		title: args.join(' '),
		severity,
		commander: flags.commander,
		environment: flags.env,
		at,
	});
	const title = event.type === 'incident.opened' ? event.title : '';
	const declared = event.loggedAt ? `, declared ${writtenEventConfirmation(event)}` : '';
	print(`Opened ${incidentId} ${severityLabel(severity)} "${displaySafe(title)}" in ${shownPath(directory)}${declared}`);
	if (!alreadyOpen) return;
	// `log` picks the open incident with the highest ID: a backdated one on an earlier date is not it.
	if (alreadyOpen.state.id < incidentId) print(`Note: ${alreadyOpen.state.id} is still open; \`log\` now goes to ${incidentId} unless you pass --id.`);
	else print(`Note: \`log\` still goes to ${alreadyOpen.state.id}, which is open and has a later ID; pass --id ${incidentId} to log to this one.`);
}
