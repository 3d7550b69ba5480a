import {alertEntries, type AlertEntry, type AlertNotification} from '../core/alert-payload.js';
import {buildEvent} from '../core/build-event.js';
import {isKnownEvent, type Severity} from '../core/events.js';
import {appendLines} from '../journal/append-event.js';
import {LockTimeoutError} from '../journal/file-lock.js';
import {eventsDirOf, journalPathOf} from '../journal/journal-paths.js';
import {readIncidentJournal} from '../journal/read-journal.js';
import type {CommandContext} from './command-context.js';
import {EnvironmentError, UserError, environmentErrorFrom} from './command-errors.js';
import {findIncident, findNewestOpenIncident} from './find-incident.js';
import {openIncident} from './open-incident.js';

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
	 * Logs each alert of the notification not logged before. Resolves only when
	 * all of them are appended and fdatasync'd, including those another
	 * notification is writing at the same moment; rejects with an
	 * EnvironmentError when the disk refused, so the sender retries.
	 */
	receive(notification: AlertNotification): Promise<IntakeOutcome>;
}

interface Target {
	incidentId: string;
	/** The keys of the alerts this incident's journals hold, from every writer. */
	seen: Set<string>;
	/** Keys in the write under way: a second delivery waits for that write instead of writing again. */
	writing: Map<string, Promise<void>>;
	/** Opened by `listen` itself (`--open`). */
	opened: boolean;
}

interface Waiting {
	lines: string[];
	keys: string[];
	done: (error?: unknown) => void;
}

/**
 * Group commit: every notification that arrives while the event loop is busy
 * is written with one write and one fdatasync. fdatasync is the whole cost of
 * an append on a loaded disk (4-5 ms here), so one per alert would cap intake
 * near 200 alerts a second.
 */
export function createAlertIntake(context: CommandContext, options: AlertIntakeOptions): AlertIntake {
	const chosen = options.incidentId === undefined ? findNewestOpenIncident(context.docsDir, {summary: true}) : findIncident(context.docsDir, options.incidentId, {summary: true});
	let target: Target | undefined = chosen && targetOf(context.docsDir, chosen.state.id);
	let queue: Waiting[] = [];

	const flush = () => {
		const batch = queue;
		queue = [];
		const writing = target!;
		try {
			appendLines(journalPathOf(context.docsDir, writing.incidentId, context.writer), batch.flatMap(waiting => waiting.lines));
		} catch (error) {
			// A short write can leave whole lines before the cut: ask the disk what
			// is there, so the sender's retry logs exactly what is missing.
			writing.seen = alertKeysOf(context.docsDir, writing.incidentId);
			for (const waiting of batch) for (const key of waiting.keys) writing.writing.delete(key);
			const refusal = error instanceof LockTimeoutError ? new EnvironmentError(`not logged: ${error.message}`) : environmentErrorFrom(error, 'not logged');
			for (const waiting of batch) waiting.done(refusal);
			return;
		}
		for (const waiting of batch) {
			for (const key of waiting.keys) {
				writing.seen.add(key);
				writing.writing.delete(key);
			}
			waiting.done();
		}
	};

	return {
		get incidentId() {
			return target?.incidentId;
		},
		// Everything up to the first await runs as one piece, so two requests in
		// parallel can never both decide to write the same alert.
		async receive(notification) {
			const loggedAt = context.now();
			const entries = alertEntries(notification, loggedAt);
			const opened = !target;
			target ??= targetFor(context, options, entries);
			const current = target;
			const fresh: AlertEntry[] = [];
			const othersWriting: Promise<void>[] = [];
			for (const entry of entries) {
				const inFlight = current.writing.get(entry.key);
				if (inFlight) othersWriting.push(inFlight);
				else if (!current.seen.has(entry.key) && !fresh.some(other => other.key === entry.key)) fresh.push(entry);
			}
			const lines = fresh.map(entry =>
				JSON.stringify(
					buildEvent(
						{type: 'note.logged', kind: entry.kind, text: entry.text, alert: entry.key},
						{id: context.newEventId(loggedAt), at: entry.at, loggedAt, author: context.handle, by: notification.source},
					),
				),
			);
			if (lines.length > 0) {
				const written = new Promise<void>((resolve, reject) => {
					if (queue.length === 0) setImmediate(flush);
					queue.push({lines, keys: fresh.map(entry => entry.key), done: error => (error ? reject(error) : resolve())});
				});
				for (const entry of fresh) current.writing.set(entry.key, written);
				// Awaited below and by each redelivery that arrives meanwhile: a refusal is never unhandled.
				written.catch(() => {});
				await written;
			}
			await Promise.all(othersWriting);
			return {incidentId: current.incidentId, opened: opened && current.opened, logged: fresh, repeats: entries.length - fresh.length};
		},
	};
}

/** The newest open incident, else one opened from the first firing alert (`--open`), else a refusal. */
function targetFor(context: CommandContext, options: AlertIntakeOptions, entries: readonly AlertEntry[]): Target {
	const open = findNewestOpenIncident(context.docsDir, {summary: true});
	if (open) return targetOf(context.docsDir, open.state.id);
	const firstFiring = entries.find(entry => entry.firing);
	if (options.openSeverity === undefined || !firstFiring) {
		throw new NoIncidentError(
			'no open incident to log the alerts to; nothing was written',
			options.openSeverity === undefined ? 'open one with `incident-tui new "Title" --sev 1`, or restart listen with --open SEV' : 'only a firing alert opens an incident',
		);
	}
	const {incidentId} = openIncident(context, {title: firstFiring.title, severity: options.openSeverity});
	return {incidentId, seen: new Set(), writing: new Map(), opened: true};
}

function targetOf(docsDir: string, incidentId: string): Target {
	return {incidentId, seen: alertKeysOf(docsDir, incidentId), writing: new Map(), opened: false};
}

/** Derived from the journals, so a restarted `listen` (or another responder's) still knows what was logged. */
function alertKeysOf(docsDir: string, incidentId: string): Set<string> {
	const keys = new Set<string>();
	for (const event of readIncidentJournal(eventsDirOf(docsDir, incidentId)).events) {
		if (isKnownEvent(event) && event.type === 'note.logged' && event.alert !== undefined) keys.add(event.alert);
	}
	return keys;
}
