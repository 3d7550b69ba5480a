import * as z from 'zod/mini';
import {en} from 'zod/locales';

// The journal's event format (ARCHITECTURE.md "Events and the journal"). Every line is validated on
// write and on read, so a bad event never reaches the reducer. zod/mini keeps
// `incident-tui log` fast: the full zod API adds ~450 KB to every start.

z.config(en());

export const SEVERITIES = [1, 2, 3] as const;
export const STATUSES = ['investigating', 'identified', 'monitoring', 'resolved'] as const;
export const NOTE_KINDS = [
	'note',
	'detection',
	'acknowledged',
	'action',
	'communication',
	'mitigation',
	'escalation',
	'resolution',
	// Last, so the list that error messages print keeps its old start.
	'impact',
] as const;
export const ROLES = ['commander', 'scribe', 'comms'] as const;
export const HYPOTHESIS_RESULTS = ['confirmed', 'ruled-out', 'inconclusive'] as const;
export const PRIORITIES = ['P0', 'P1', 'P2', 'P3'] as const;
export const ACTION_STATUSES = ['open', 'in-progress', 'done', 'wont-do'] as const;
/** The Google SRE postmortem's action item types. */
export const ACTION_KINDS = ['mitigate', 'prevent', 'process', 'detect'] as const;
export const INVARIANT_KINDS = ['test', 'monitor'] as const;
/** What a picked change is in its repository (README "What changed"). */
export const CHANGE_KINDS = ['commit', 'merge', 'tag'] as const;
export const CLOSURE_FIELDS = [
	'whatHappened',
	'whoImpacted',
	'impactUsers',
	'impactDuration',
	'impactScope',
	'impactData',
	'why1',
	'why2',
	'why3',
	'why4',
	'why5',
	'rootCause',
	'trigger',
	'contributingFactors',
	'immediateFix',
	'permanentFix',
	'permanentFixLink',
	'lessonsKeep',
	'lessonsStop',
	'lessonsStart',
	// Added later: new names go last, so the list error messages print keeps its old start.
	'impactRevenue',
	'detectionMethod',
	'alertQuality',
	'detectionGap',
	'wentWell',
	'wentWrong',
	'slowedResponse',
	'gotLucky',
] as const;

export type Severity = (typeof SEVERITIES)[number];
export type Status = (typeof STATUSES)[number];
export type NoteKind = (typeof NOTE_KINDS)[number];
export type Role = (typeof ROLES)[number];
export type HypothesisResult = (typeof HYPOTHESIS_RESULTS)[number];
export type Priority = (typeof PRIORITIES)[number];
export type ActionStatus = (typeof ACTION_STATUSES)[number];
export type ActionKind = (typeof ACTION_KINDS)[number];
export type InvariantKind = (typeof INVARIANT_KINDS)[number];
export type ChangeKind = (typeof CHANGE_KINDS)[number];
export type ClosureField = (typeof CLOSURE_FIELDS)[number];

export const EVENT_FORMAT_VERSION = 1;
/** A 10 KB paste must fit; a runaway pipe must not make a 100 MB journal line. */
export const MAX_TEXT_LENGTH = 64 * 1024;
export const MAX_TITLE_LENGTH = 200;

const ULID_PATTERN = /^[0-9A-HJKMNP-TV-Z]{26}$/;
/** Named by a ULID, so two responders' evidence never collides and a name cannot climb out of its directory. */
export const EVIDENCE_FILE_PATTERN = /^[0-9A-HJKMNP-TV-Z]{26}\.txt$/;
const HANDLE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;

export const handleSchema = z
	.string()
	.check(z.regex(HANDLE_PATTERN, 'a handle is 1-40 letters, digits, dot, dash or underscore'));
const eventId = z.string().check(z.regex(ULID_PATTERN, 'not a ULID'));
const utcTime = z.iso.datetime({precision: 3});
const text = z.string().check(z.maxLength(MAX_TEXT_LENGTH));
const requiredText = z.string().check(z.minLength(1), z.maxLength(MAX_TEXT_LENGTH));
const severity = z.union([z.literal(1), z.literal(2), z.literal(3)]);
export const isoDate = z.iso.date();

const envelope = {
	v: z.literal(EVENT_FORMAT_VERSION),
	id: eventId,
	at: utcTime,
	/** Present when the event was backdated: the moment it was actually logged. */
	loggedAt: z.optional(utcTime),
	/** Who typed it. */
	author: handleSchema,
	/** Who did it, when that is someone else (a scribe logging for a responder): the owner in timelines and reports. */
	by: z.optional(handleSchema),
};

// Each member is built on first use of its type: building all of them costs
// ~10 ms at import, and `log` only ever needs note.logged.
const eventSchemaBuilders = {
	'incident.opened': () =>
		z.object({
			...envelope,
			type: z.literal('incident.opened'),
			title: z.string().check(z.minLength(1), z.maxLength(MAX_TITLE_LENGTH)),
			severity,
			commander: handleSchema,
			environment: z.optional(text),
		}),
	'severity.changed': () => z.object({...envelope, type: z.literal('severity.changed'), severity}),
	'status.changed': () => z.object({...envelope, type: z.literal('status.changed'), status: z.enum(STATUSES)}),
	'role.assigned': () =>
		z.object({
			...envelope,
			type: z.literal('role.assigned'),
			role: z.enum(ROLES),
			handle: handleSchema,
			/** A hand-over note for the new commander: where things stand. */
			summary: z.optional(text),
		}),
	'checklist.ticked': () => z.object({...envelope, type: z.literal('checklist.ticked'), item: requiredText, label: text}),
	'checklist.unticked': () => z.object({...envelope, type: z.literal('checklist.unticked'), item: requiredText}),
	'note.logged': () =>
		z.object({
			...envelope,
			type: z.literal('note.logged'),
			kind: z.enum(NOTE_KINDS),
			text,
			/** The alert it was logged from (`incident-tui listen`): a redelivery, even after a restart, is logged once. */
			alert: z.optional(z.string().check(z.minLength(1), z.maxLength(300))),
		}),
	'hypothesis.added': () => z.object({...envelope, type: z.literal('hypothesis.added'), statement: requiredText, test: text}),
	'hypothesis.resolved': () =>
		z.object({
			...envelope,
			type: z.literal('hypothesis.resolved'),
			hypothesis: eventId,
			result: z.enum(HYPOTHESIS_RESULTS),
			evidence: text,
		}),
	'event.retracted': () => z.object({...envelope, type: z.literal('event.retracted'), target: eventId}),
	// A correction: each field given replaces that field of the target, the
	// latest amendment in force winning per field. The target's own time and
	// doer are `happenedAt` and `doer` here, because this event's envelope has
	// an `at` and `by` of its own. `kind` applies to notes only.
	'event.amended': () =>
		z
			.object({
				...envelope,
				type: z.literal('event.amended'),
				target: eventId,
				text: z.optional(requiredText),
				happenedAt: z.optional(utcTime),
				kind: z.optional(z.enum(NOTE_KINDS)),
				doer: z.optional(handleSchema),
			})
			.check(
				z.refine(
					amendment => [amendment.text, amendment.happenedAt, amendment.kind, amendment.doer].some(field => field !== undefined),
					'an amendment changes at least one of text, time, kind or doer',
				),
			),
	'closure.recorded': () => z.object({...envelope, type: z.literal('closure.recorded'), field: z.enum(CLOSURE_FIELDS), value: text}),
	'action.added': () =>
		z.object({
			...envelope,
			type: z.literal('action.added'),
			description: requiredText,
			owner: text,
			priority: z.enum(PRIORITIES),
			due: z.optional(isoDate),
			status: z.enum(ACTION_STATUSES),
			kind: z.optional(z.enum(ACTION_KINDS)),
			/** A ticket or bug reference. */
			bug: z.optional(text),
		}),
	'action.updated': () =>
		z.object({
			...envelope,
			type: z.literal('action.updated'),
			action: eventId,
			description: z.optional(requiredText),
			owner: z.optional(text),
			priority: z.optional(z.enum(PRIORITIES)),
			due: z.optional(isoDate),
			status: z.optional(z.enum(ACTION_STATUSES)),
			kind: z.optional(z.enum(ACTION_KINDS)),
			bug: z.optional(text),
			/** What did it: a commit or a PR (`actions done --ref`, or a commit's `Incident-Action:` trailer). */
			ref: z.optional(requiredText),
		}),
	'invariant.recorded': () =>
		z.object({
			...envelope,
			type: z.literal('invariant.recorded'),
			kind: z.enum(INVARIANT_KINDS),
			reference: requiredText,
			description: text,
		}),
	'incident.closed': () => z.object({...envelope, type: z.literal('incident.closed'), overrideReason: z.optional(requiredText)}),
	'report.published': () =>
		z.object({
			...envelope,
			type: z.literal('report.published'),
			path: requiredText,
			template: requiredText,
			commit: z.optional(z.string().check(z.regex(/^[0-9a-f]{7,64}$/))),
		}),
	// `incident-tui run`: the doer is the responder who ran it, `at` its start.
	'command.run': () =>
		z.object({
			...envelope,
			type: z.literal('command.run'),
			/** Shell-quoted, with secrets masked before it was written. */
			command: requiredText,
			/** As a shell gives it: 128 + the signal's number when a signal ended it. */
			exitCode: z.int().check(z.minimum(0), z.maximum(255)),
			durationMs: z.int().check(z.minimum(0)),
			/** The output's masked tail: a file name in the incident's `evidence/` directory. */
			evidence: z.optional(z.string().check(z.regex(EVIDENCE_FILE_PATTERN))),
		}),
	// A commit, merge or tag picked from `incident-tui changes`, timed at its commit (or tag) time.
	'change.recorded': () =>
		z.object({
			...envelope,
			type: z.literal('change.recorded'),
			change: z.enum(CHANGE_KINDS),
			hash: z.string().check(z.regex(/^[0-9a-f]{40,64}$/)),
			commitAuthor: text,
			subject: text,
			/** The repository's name as `changes` showed it (its directory's name). */
			repository: requiredText,
			tag: z.optional(text),
		}),
};

type EventSchemas = {[T in keyof typeof eventSchemaBuilders]: ReturnType<(typeof eventSchemaBuilders)[T]>};
export type EventType = keyof EventSchemas;
export type IncidentEvent = {[T in EventType]: z.infer<EventSchemas[T]>}[EventType];
export type EventOf<T extends EventType> = Extract<IncidentEvent, {type: T}>;
/** What a command supplies; the envelope is added when the event is built. */
export type EventPayload = IncidentEvent extends infer E
	? E extends IncidentEvent
		? Omit<E, 'v' | 'id' | 'at' | 'loggedAt' | 'author' | 'by'>
		: never
	: never;

export const KNOWN_EVENT_TYPES: ReadonlySet<string> = new Set(Object.keys(eventSchemaBuilders));

const builtEventSchemas = new Map<EventType, z.ZodMiniType>();

/** The schema of one known type, as the discriminated union of all of them would pick it. */
function eventSchemaOf(type: EventType): z.ZodMiniType {
	let schema = builtEventSchemas.get(type);
	if (!schema) {
		schema = eventSchemaBuilders[type]();
		builtEventSchemas.set(type, schema);
	}
	return schema;
}

let allEventsSchema: z.ZodMiniType | undefined;

/** For an event whose type is missing or unknown: the union's own message for that. */
function eventSchemaFor(event: unknown): z.ZodMiniType {
	const type = typeof event === 'object' && event !== null ? (event as {type?: unknown}).type : undefined;
	if (typeof type === 'string' && KNOWN_EVENT_TYPES.has(type)) return eventSchemaOf(type as EventType);
	allEventsSchema ??= z.discriminatedUnion(
		'type',
		Object.values(eventSchemaBuilders).map(build => build()) as unknown as [ReturnType<(typeof eventSchemaBuilders)['incident.opened']>],
	);
	return allEventsSchema;
}

/**
 * An event from a newer version of the tool, or of a type this version does not
 * know. It is kept and shown raw, never dropped, so an old client cannot lose a
 * new client's events.
 */
export interface UnknownEvent {
	readonly unknownType: true;
	readonly id: string;
	readonly at: string;
	readonly author: string;
	readonly type: string;
	readonly raw: Record<string, unknown>;
}

export type AnyEvent = IncidentEvent | UnknownEvent;

export function isKnownEvent(event: AnyEvent): event is IncidentEvent {
	return !('unknownType' in event);
}

const unknownEnvelopeSchema = z.object({
	v: z.number().check(z.int(), z.minimum(1)),
	id: eventId,
	at: utcTime,
	author: handleSchema,
	type: z.string().check(z.minLength(1), z.maxLength(200)),
});

export type ParsedLine = {ok: true; event: AnyEvent} | {ok: false; reason: string};

/** Validates one journal line. Pure: the journal decides what to do with a bad line. */
export function parseEventLine(line: string): ParsedLine {
	let value: unknown;
	try {
		value = JSON.parse(line);
	} catch {
		return {ok: false, reason: 'not valid JSON'};
	}
	const envelopeResult = unknownEnvelopeSchema.safeParse(value);
	if (!envelopeResult.success) {
		return {ok: false, reason: describeIssue(envelopeResult.error)};
	}
	const head = envelopeResult.data;
	if (head.v !== EVENT_FORMAT_VERSION || !KNOWN_EVENT_TYPES.has(head.type)) {
		return {
			ok: true,
			event: {
				unknownType: true,
				id: head.id,
				at: head.at,
				author: head.author,
				type: head.type,
				raw: value as Record<string, unknown>,
			},
		};
	}
	const result = eventSchemaOf(head.type as EventType).safeParse(value);
	if (!result.success) {
		return {ok: false, reason: `${head.type}: ${describeIssue(result.error)}`};
	}
	return {ok: true, event: result.data as IncidentEvent};
}

/** Validates an event about to be written; throws with a one-line reason. */
export function validateEvent(event: unknown): IncidentEvent {
	const result = eventSchemaFor(event).safeParse(event);
	if (!result.success) {
		throw new InvalidEventError(describeIssue(result.error));
	}
	return result.data as IncidentEvent;
}

export class InvalidEventError extends Error {
	override name = 'InvalidEventError';
}

function describeIssue(error: {issues: readonly {path: PropertyKey[]; message: string}[]}): string {
	const issue = error.issues[0];
	if (!issue) return 'invalid event';
	const where = issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ` : '';
	return `${where}${issue.message}`;
}

/** Sort key of the merged view: (at, id). ULIDs make ties deterministic across machines. */
export function compareEvents(a: {at: string; id: string}, b: {at: string; id: string}): number {
	if (a.at !== b.at) return a.at < b.at ? -1 : 1;
	if (a.id !== b.id) return a.id < b.id ? -1 : 1;
	return 0;
}
