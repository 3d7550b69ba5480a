import {randomBytes} from 'node:crypto';
import {hostname} from 'node:os';
import {monotonicFactory} from 'ulid';
import {writerName} from '../core/incident-id.js';

/** What every command needs to know about who is acting, where, and when. */
export interface CommandContext {
	docsDir: string;
	handle: string;
	/** This responder's journal file name on this machine, such as `alice@laptop`. */
	writer: string;
	now: () => Date;
	/** Monotonic within the process, so ids keep their order even if the clock steps back. */
	newEventId: (at: Date) => string;
}

/**
 * `clock` is the wall clock (tests pass their own). If it steps backwards (NTP,
 * a VM resumed), time stands still until it catches up, so this process's
 * events keep the order they were written in.
 */
export function createCommandContext(docsDir: string, handle: string, clock: () => number = Date.now): CommandContext {
	const ulid = monotonicFactory(randomFraction);
	let latest = 0;
	return {
		docsDir,
		handle,
		writer: writerName(handle, hostname()),
		now: () => {
			latest = Math.max(latest, clock());
			return new Date(latest);
		},
		newEventId: at => ulid(at.getTime()),
	};
}

/**
 * ulid's own pick is globalThis.crypto, Node's Web Crypto, whose first use
 * loads ~3 ms of modules on every `log`. node:crypto's generator is the same
 * one underneath, is loaded anyway, and is what ulid falls back to itself.
 */
function randomFraction(): number {
	return randomBytes(1).readUInt8() / 256;
}
