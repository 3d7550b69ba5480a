import * as z from 'zod/mini';
import {shorten} from './describe-event.js';
import {MAX_TITLE_LENGTH, type NoteKind} from './events.js';

// What `incident-tui listen` accepts (README "Alert intake"): the webhook
// bodies of Prometheus Alertmanager (payload version 4) and of Grafana's
// unified alerting (version 1), and what each alert in them becomes in the
// timeline. Fields the timeline does not use are not required, so a sender
// that adds fields stays accepted; one that drops a used field is refused.

export const ALERT_SOURCES = ['alertmanager', 'grafana'] as const;
export type AlertSource = (typeof ALERT_SOURCES)[number];

const labelMap = z.record(z.string(), z.string());
// RFC 3339 as Go writes it: nanoseconds and an offset are both allowed.
const rfc3339 = z.iso.datetime({offset: true});
const alertStatus = z.enum(['firing', 'resolved']);

const alertSchema = z.object({
	status: alertStatus,
	labels: labelMap,
	annotations: z.optional(labelMap),
	startsAt: rfc3339,
	endsAt: z.optional(rfc3339),
	fingerprint: z.string().check(z.minLength(1), z.maxLength(128)),
});

const alertmanagerSchema = z.object({
	version: z.literal('4'),
	groupKey: z.string(),
	status: alertStatus,
	receiver: z.string(),
	alerts: z.array(alertSchema),
});

// Grafana's body copies Alertmanager's and adds orgId, title, state and message.
const grafanaSchema = z.object({
	version: z.literal('1'),
	orgId: z.number(),
	status: alertStatus,
	receiver: z.string(),
	alerts: z.array(alertSchema),
});

type Alert = z.infer<typeof alertSchema>;

export interface AlertNotification {
	source: AlertSource;
	alerts: Alert[];
}

export type ParsedNotification = {ok: true; notification: AlertNotification} | {ok: false; reason: string};

export function parseAlertNotification(body: unknown): ParsedNotification {
	const version = typeof body === 'object' && body !== null ? (body as {version?: unknown}).version : undefined;
	const [source, schema] = version === '4' ? (['alertmanager', alertmanagerSchema] as const) : version === '1' ? (['grafana', grafanaSchema] as const) : [];
	if (!source) {
		return {ok: false, reason: 'not an Alertmanager (version "4") or Grafana alerting (version "1") webhook body'};
	}
	const result = schema.safeParse(body);
	if (!result.success) {
		const issue = result.error.issues[0]!;
		const where = issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ` : '';
		return {ok: false, reason: `not a valid ${source} webhook body: ${where}${issue.message}`};
	}
	return {ok: true, notification: {source, alerts: result.data.alerts}};
}

/** One timeline entry an alert becomes. */
export interface AlertEntry {
	/**
	 * The same alert in the same state, however often it is delivered: the
	 * sender, its fingerprint (a hash of the labels), the status and when this
	 * firing began, so a later firing of the same labels is a new entry.
	 */
	key: string;
	kind: Extract<NoteKind, 'detection' | 'note'>;
	text: string;
	at: Date;
	firing: boolean;
	/** The alert in a few words, for an incident opened from it. */
	title: string;
}

// The senders' own bookkeeping (`__alert_rule_uid__`, Grafana's folder), not what is broken.
const SENDER_LABELS = /^(__|grafana_folder$)/;
const SHOWN_LABELS = 5;
const LABEL_VALUE_LENGTH = 40;
const SUMMARY_LENGTH = 200;

/**
 * A firing alert becomes a detection at its start, a resolved one a note at
 * its end. A time ahead of `now` (the sender's clock runs fast) is taken as
 * now: an event may not be logged before it happened.
 */
export function alertEntries(notification: AlertNotification, now: Date): AlertEntry[] {
	return notification.alerts.map(alert => {
		const firing = alert.status === 'firing';
		const startsAt = new Date(alert.startsAt);
		const endsAt = alert.endsAt === undefined ? undefined : new Date(alert.endsAt);
		// Go's zero time (0001-01-01) stands for "not ended" in both senders.
		const happened = firing ? startsAt : endsAt && endsAt.getUTCFullYear() > 1 ? endsAt : now;
		const title = alertTitle(alert);
		const summary = alert.annotations?.['summary']?.trim();
		const described = summary ? `${title}: ${shorten(oneLine(summary), SUMMARY_LENGTH)}` : title;
		return {
			key: `${notification.source}:${alert.fingerprint}:${alert.status}:${startsAt.toISOString()}`,
			kind: firing ? 'detection' : 'note',
			text: firing ? described : `Resolved: ${described}`,
			at: happened.getTime() > now.getTime() ? now : happened,
			firing,
			title: shorten(title, MAX_TITLE_LENGTH),
		};
	});
}

/** `HighErrorRate (service=payments-api, severity=page)`: the name, then the labels that tell this alert from its siblings. */
function alertTitle(alert: Alert): string {
	const name = oneLine(alert.labels['alertname'] ?? '').trim() || 'Alert';
	const labels = Object.entries(alert.labels)
		.filter(([key]) => key !== 'alertname' && !SENDER_LABELS.test(key))
		.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
	if (labels.length === 0) return name;
	const shown = labels.slice(0, SHOWN_LABELS).map(([key, value]) => `${key}=${shorten(oneLine(value), LABEL_VALUE_LENGTH)}`);
	const more = labels.length > SHOWN_LABELS ? `, +${labels.length - SHOWN_LABELS} more` : '';
	return `${name} (${shown.join(', ')}${more})`;
}

function oneLine(text: string): string {
	return text.replace(/\s*[\r\n]+\s*/g, ' ');
}
