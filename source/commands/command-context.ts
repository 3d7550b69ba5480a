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

export function createCommandContext(docsDir: string, handle: string): CommandContext {
	const ulid = monotonicFactory();
	return {
		docsDir,
		handle,
		writer: writerName(handle, hostname()),
		now: () => new Date(),
		newEventId: at => ulid(at.getTime()),
	};
}
