import type {ChangeListing} from '../commands/recent-changes.js';
import type {Severity} from '../core/events.js';
import type {IncidentState} from '../core/incident-state.js';
import type {DamagedLine} from '../journal/read-journal.js';

// What the screens ask of the world outside, passed in: the screens never
// touch files or git themselves, the heavy parts (git, templates) load on
// first use, and tests can supply their own.
export interface ScreenServices {
	/** The journal of incidents: reading one as it grows, opening a new one. */
	store: IncidentStore;
	/** Renders, logs and commits the report; resolves to one line for the screen. */
	publish: (incidentId: string) => Promise<string>;
	/** Exchanges events with the git remote; resolves to one line. */
	sync: () => Promise<string>;
	/** The draft of a stakeholder update. */
	draftUpdate: (incidentId: string) => Promise<string>;
	/** The recent changes of the service repositories (`changes`' window and notes); throws one line when no repository is there. */
	listChanges: (incidentId: string) => Promise<ChangeListing>;
	/**
	 * Leaves the screen to the command (`!`): it runs in the terminal and is logged
	 * as `incident-tui run` does, and the screen comes back, read afresh, at Enter.
	 */
	runCommandLine: (incidentId: string, line: string) => void;
	/** Puts text on the clipboard through the terminal (OSC 52). */
	copyToClipboard: (text: string) => void;
}

export interface IncidentStore {
	follow: (incidentId: string) => IncidentFeed;
	/** Opens the incident (all or nothing) and returns its ID; throws a one-line error when nothing was written. */
	open: (incident: NewIncident) => string;
}

export interface IncidentView {
	state: IncidentState;
	/** Lines that could not be read, already copied to their quarantine file. */
	damaged: readonly DamagedLine[];
	/** Journal files that were deleted under us and written again from memory, one line each. */
	restored: readonly string[];
}

export interface IncidentFeed {
	/** The incident as it was on disk when the feed began. */
	readonly first: IncidentView;
	/**
	 * Reads what was appended since the last look (by anyone); undefined when
	 * nothing changed. A journal file deleted by hand is written back first.
	 */
	poll: () => IncidentView | undefined;
	/**
	 * `first` may hold only the newest timeline entries (a long incident starts
	 * from its checkpoint's newest); this adds the older ones, once. Undefined
	 * when `first` was whole already.
	 */
	complete: () => IncidentView | undefined;
	/** Lets go of the journal files the feed holds open. */
	stop: () => void;
}

export interface NewIncident {
	title: string;
	severity: Severity;
	commander: string;
	/** The first key press on the start screen: when it was declared, and logged. */
	at: Date;
}
