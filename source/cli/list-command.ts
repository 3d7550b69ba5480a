import {surveyIncidents, type DamagedIncident} from '../commands/list-incidents.js';
import {severityLabel, statusLabel} from '../core/describe-event.js';
import {displaySafe} from '../core/display-safe.js';
import {formatDuration} from '../core/metrics.js';
import {formatUtcDateTime} from '../core/time-format.js';
import type {CliSetup} from './cli-setup.js';
import {alignedLines, print, shownPath, warn} from './output.js';

export function listCommand(setup: CliSetup, flags: {json?: boolean}): void {
	const {incidents, damaged} = surveyIncidents(setup.workspace.docsDir, setup.context.now());
	if (flags.json) {
		// stdout stays the JSON a script parses.
		for (const leftover of damaged) warn(describeDamaged(leftover));
		print(JSON.stringify(incidents, null, 2));
		return;
	}
	if (incidents.length === 0) {
		print(`No incidents in ${shownPath(setup.workspace.docsDir)}. Open one: incident-tui new "Title" --sev 1`);
		for (const leftover of damaged) print(describeDamaged(leftover));
		return;
	}
	const rows = incidents.map(incident => [
		incident.id,
		severityLabel(incident.severity),
		statusLabel(incident.status),
		incident.openedAt ? `${formatUtcDateTime(incident.openedAt)} UTC` : '-',
		incident.durationMs === undefined ? '-' : formatDuration(incident.durationMs),
		String(incident.events),
		displaySafe(incident.title),
	]);
	const header = ['ID', 'SEV', 'STATUS', 'OPENED', 'DURATION', 'EVENTS', 'TITLE'];
	for (const line of alignedLines([header, ...rows])) print(line);
	for (const leftover of damaged) print(describeDamaged(leftover));
}

/** One line per leftover: every command ignores it, and the responder learns what to do. */
function describeDamaged({path, problem, advice}: DamagedIncident): string {
	return displaySafe(`damaged, ignored: ${shownPath(path)}: ${problem} (${advice})`);
}
