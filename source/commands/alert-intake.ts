import {alertEntries, type AlertEntry, type AlertNotification} from '../core/alert-payload.js';
import {isKnownEvent, type Severity} from '../core/events.js';
import {eventsDirOf} from '../journal/journal-paths.js';
import {readIncidentJournal} from '../journal/read-journal.js';
import type {CommandContext} from './command-context.js';
import {UserError} from './command-errors.js';
import {findIncident, findNewestOpenIncident} from './find-incident.js';
import {openIncident} from './open-incident.js';
import {recordEvent} from './record-event.js';

export interface AlertIntakeOptions {
	/** `--id`: always this incident. Otherwise the newest open one when the first alert arrives. */
	incidentId?: string;
	/** `--open SEV`: with no open incident, the first firing alert opens one at this severity. */
	openSeverity?: Severity;
}

export interface IntakeOutcome {
	incidentId: string;
	/** The incident was opened from this notification's first firing alert. */
	opened: boolean;
	logged: AlertEntry[];
	/** Alerts of this notification that were logged before (a redelivery). */
	repeats: number;
}

/** There is nowhere to log the alerts; nothing was written. */
export class NoIncidentError extends UserError {
	override name = 'NoIncidentError';
}

export interface AlertIntake {
	/** The incident alerts go to, once there is one. */
	readonly incidentId: string | undefined;
	/**
	 * Logs each alert of the notification not logged before, and returns only
	 * when all are appended and fdatasync'd. Synchronous on purpose: a server
	 * handling requests in parallel runs each call whole, so checking and
	 * marking an alert as seen can never interleave with another request's.
	 */
	receive(notification: AlertNotification): IntakeOutcome;
}

interface Target {
	incidentId: string;
	/** The keys of the alerts this incident's journals hold, from every writer. */
	seen: Set<string>;
}

export function createAlertIntake(context: CommandContext, options: AlertIntakeOptions): AlertIntake {
	const chosen = options.incidentId === undefined ? findNewestOpenIncident(context.docsDir, {summary: true}) : findIncident(context.docsDir, options.incidentId, {summary: true});
	let target: Target | undefined = chosen && targetOf(context.docsDir, chosen.state.id);

	return {
		get incidentId() {
			return target?.incidentId;
		},
		receive(notification) {
			const entries = alertEntries(notification, context.now());
			let opened = false;
			if (!target) {
				const open = findNewestOpenIncident(context.docsDir, {summary: true});
				const firstFiring = entries.find(entry => entry.firing);
				if (open) {
					target = targetOf(context.docsDir, open.state.id);
				} else if (options.openSeverity !== undefined && firstFiring) {
					const {incidentId} = openIncident(context, {title: firstFiring.title, severity: options.openSeverity});
					target = {incidentId, seen: new Set()};
					opened = true;
				} else {
					throw new NoIncidentError(
						'no open incident to log the alerts to; nothing was written',
						options.openSeverity === undefined
							? 'open one with `incident-tui new "Title" --sev 1`, or restart listen with --open SEV'
							: 'only a firing alert opens an incident',
					);
				}
			}
			const logged: AlertEntry[] = [];
			let repeats = 0;
			for (const entry of entries) {
				if (target.seen.has(entry.key)) {
					repeats++;
					continue;
				}
				try {
					recordEvent(
						context,
						target.incidentId,
						{type: 'note.logged', kind: entry.kind, text: entry.text, alert: entry.key},
						{at: entry.at, by: notification.source},
					);
				} catch (error) {
					// A failed append can still have left a whole line behind (written, then
					// fdatasync failed): ask the disk what is there, so the sender's retry
					// logs exactly what is missing.
					target.seen = alertKeysOf(context.docsDir, target.incidentId);
					throw error;
				}
				target.seen.add(entry.key);
				logged.push(entry);
			}
			return {incidentId: target.incidentId, opened, logged, repeats};
		},
	};
}

function targetOf(docsDir: string, incidentId: string): Target {
	return {incidentId, seen: alertKeysOf(docsDir, incidentId)};
}

/** Derived from the journals, so a restarted `listen` (or another responder's) still knows what was logged. */
function alertKeysOf(docsDir: string, incidentId: string): Set<string> {
	const keys = new Set<string>();
	for (const event of readIncidentJournal(eventsDirOf(docsDir, incidentId)).events) {
		if (isKnownEvent(event) && event.type === 'note.logged' && event.alert !== undefined) keys.add(event.alert);
	}
	return keys;
}
