import {createHash, timingSafeEqual} from 'node:crypto';
import {once} from 'node:events';
import {createServer, type IncomingMessage, type Server, type ServerResponse} from 'node:http';
import {isIPv6} from 'node:net';
import {createAlertIntake, NoIncidentError, type AlertIntake, type IntakeOutcome} from '../commands/alert-intake.js';
import {EnvironmentError, UserError} from '../commands/command-errors.js';
import {parseAlertNotification, type AlertSource} from '../core/alert-payload.js';
import {displaySafe} from '../core/display-safe.js';
import type {CliSetup} from './cli-setup.js';
import {print} from './output.js';
import {parseSeverity} from './parse-flags.js';

// `incident-tui listen` (README "Alert intake"): a receiver for alert
// webhooks on node:http. Every refusal writes nothing; a 200 means every
// alert of the notification is on disk.

export interface ListenFlags {
	port?: string;
	bind?: string;
	token?: string;
	open?: string;
	id?: string;
}

const DEFAULT_PORT = 9095;
const DEFAULT_BIND = '127.0.0.1';
const TOKEN_VARIABLE = 'INCIDENT_TUI_LISTEN_TOKEN';
const MAX_BODY_BYTES = 1024 * 1024;
// A body over the limit is read to its end and dropped, so the sender gets its
// 413 instead of a reset connection; past this much it is cut off instead.
const MAX_DRAINED_BYTES = 16 * MAX_BODY_BYTES;

export async function listenCommand(setup: CliSetup, flags: ListenFlags): Promise<void> {
	const port = parsePort(flags.port);
	const bind = flags.bind ?? DEFAULT_BIND;
	const token = flags.token ?? (process.env[TOKEN_VARIABLE] || undefined);
	if (token === undefined && !isLoopback(bind)) {
		throw new UserError(
			`listening on ${bind} lets other machines write to the timeline, so it needs a token`,
			`set ${TOKEN_VARIABLE} (or pass --token) and have the senders send Authorization: Bearer TOKEN`,
		);
	}
	if (token !== undefined && !/^[\x21-\x7e]+$/.test(token)) {
		throw new UserError('the token must be printable ASCII without spaces', 'it travels in an HTTP header');
	}
	const openSeverity = flags.open === undefined ? undefined : parseSeverity(flags.open, '--open');
	const intake = createAlertIntake(setup.context, {incidentId: flags.id, openSeverity});

	const server = createServer((request, response) => {
		handleRequest(request, response, intake, token).catch((error: unknown) => {
			refuse(request, response, 500, `unexpected error: ${error instanceof Error ? error.message : String(error)}`);
		});
	});
	await startListening(server, port, bind);
	const address = server.address();
	const shownPort = typeof address === 'object' && address ? address.port : port;
	const where = intake.incidentId ? `logging to ${intake.incidentId}` : openSeverity ? `no open incident yet: the first firing alert opens one (SEV-${openSeverity})` : 'no open incident yet: alerts are refused until one is open';
	print(`Listening on http://${isIPv6(bind) ? `[${bind}]` : bind}:${shownPort} for Alertmanager and Grafana webhooks, ${where} (Ctrl-C stops)`);

	await stopOnSignal(server);
	print('Stopped listening.');
}

async function handleRequest(request: IncomingMessage, response: ServerResponse, intake: AlertIntake, token: string | undefined): Promise<void> {
	const body = await readBody(request);
	if (body === undefined) return;
	if (request.method !== 'POST' && request.method !== 'PUT') {
		response.setHeader('Allow', 'POST, PUT');
		return refuse(request, response, 405, 'send alerts with POST (or PUT)');
	}
	if (token !== undefined && !sameSecret(request.headers.authorization ?? '', `Bearer ${token}`)) {
		response.setHeader('WWW-Authenticate', 'Bearer');
		return refuse(request, response, 401, 'wrong or missing token (Authorization: Bearer TOKEN)');
	}
	if (body === 'too large') return refuse(request, response, 413, `the body is over ${MAX_BODY_BYTES} bytes`);
	let value: unknown;
	try {
		value = JSON.parse(body.toString('utf8'));
	} catch {
		return refuse(request, response, 400, 'the body is not JSON');
	}
	const parsed = parseAlertNotification(value);
	if (!parsed.ok) return refuse(request, response, 422, parsed.reason);
	let outcome: IntakeOutcome;
	try {
		outcome = await intake.receive(parsed.notification);
	} catch (error) {
		if (error instanceof NoIncidentError) return refuse(request, response, 409, oneLine(error), parsed.notification.source);
		// A full disk, a read-only file system, a held lock: the sender retries, and the redelivery logs what is missing.
		if (error instanceof EnvironmentError) {
			response.setHeader('Retry-After', '30');
			return refuse(request, response, 503, oneLine(error), parsed.notification.source);
		}
		throw error;
	}
	const line = describeOutcome(parsed.notification.source, outcome);
	print(line);
	respond(response, 200, line);
}

/** The body, `too large` past the limit, or undefined when the connection went away. */
async function readBody(request: IncomingMessage): Promise<Buffer | 'too large' | undefined> {
	const chunks: Buffer[] = [];
	let size = 0;
	try {
		for await (const chunk of request as AsyncIterable<Buffer>) {
			size += chunk.length;
			if (size <= MAX_BODY_BYTES) chunks.push(chunk);
			else if (size > MAX_DRAINED_BYTES) {
				request.socket.destroy();
				return undefined;
			}
		}
	} catch {
		return undefined;
	}
	return size > MAX_BODY_BYTES ? 'too large' : Buffer.concat(chunks);
}

/** Compared in constant time, so response times tell nothing about the token. */
function sameSecret(given: string, expected: string): boolean {
	const digest = (text: string) => createHash('sha256').update(text).digest();
	return timingSafeEqual(digest(given), digest(expected));
}

function refuse(request: IncomingMessage, response: ServerResponse, status: number, reason: string, source?: AlertSource): void {
	const from = source ? `${source} at ${request.socket.remoteAddress}` : request.socket.remoteAddress;
	process.stderr.write(`incident-tui: refused a request from ${from}: ${status} ${displaySafe(reason)}\n`);
	respond(response, status, reason);
}

function respond(response: ServerResponse, status: number, text: string): void {
	if (response.headersSent || response.destroyed) return;
	response.writeHead(status, {'Content-Type': 'text/plain; charset=utf-8'});
	response.end(`${text}\n`);
}

const SHOWN_ENTRIES = 3;

/** `alertmanager: logged 2 to 2026-11-23-01: detection "HighErrorRate (…)", note "Resolved: …"; 1 already logged` */
function describeOutcome(source: AlertSource, {incidentId, opened, logged, repeats}: IntakeOutcome): string {
	const shown = logged.slice(0, SHOWN_ENTRIES).map(entry => `${entry.kind} "${entry.text}"`);
	if (logged.length > SHOWN_ENTRIES) shown.push(`${logged.length - SHOWN_ENTRIES} more`);
	const what = logged.length > 0 ? `logged ${logged.length} to ${incidentId}: ${shown.join(', ')}` : `nothing new for ${incidentId}`;
	const again = repeats > 0 ? `; ${repeats} already logged` : '';
	return `${opened ? `opened ${incidentId}; ` : ''}${source}: ${what}${again}`;
}

function oneLine(error: UserError | EnvironmentError): string {
	return error.hint ? `${error.message} (${error.hint})` : error.message;
}

function parsePort(value: string | undefined): number {
	if (value === undefined) return DEFAULT_PORT;
	const port = Number(value);
	if (!/^\d+$/.test(value) || port > 65_535) throw new UserError(`--port ${value} is not a port (0-65535)`);
	return port;
}

/** Only this machine can reach these. */
function isLoopback(host: string): boolean {
	return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

async function startListening(server: Server, port: number, bind: string): Promise<void> {
	server.listen(port, bind);
	try {
		await once(server, 'listening');
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'EADDRINUSE') throw new EnvironmentError(`port ${port} on ${bind} is in use`, 'stop what listens there (another listen?) or pick another with --port');
		if (code === 'EACCES') throw new EnvironmentError(`not allowed to listen on port ${port}`, 'ports below 1024 need root; pick another with --port');
		if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') throw new EnvironmentError(`${bind} is not an address of this machine`, 'give one of its addresses with --bind, or 0.0.0.0 for all');
		throw error;
	}
}

/** Until SIGINT or SIGTERM; then no new connection is taken and the requests in flight finish. */
async function stopOnSignal(server: Server): Promise<void> {
	await new Promise<void>(resolve => {
		const stop = () => {
			process.off('SIGINT', stop);
			process.off('SIGTERM', stop);
			resolve();
		};
		process.on('SIGINT', stop);
		process.on('SIGTERM', stop);
	});
	const closed = once(server, 'close');
	server.close();
	server.closeIdleConnections();
	await closed;
}
