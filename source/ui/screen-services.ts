// What the screen asks of the world beyond the journal, passed in so the
// heavy parts (git, templates) load on first use and tests can supply their own.
export interface ScreenServices {
	/** Renders, logs and commits the report; resolves to one line for the screen. */
	publish: (incidentId: string) => Promise<string>;
	/** Exchanges events with the git remote; resolves to one line. */
	sync: () => Promise<string>;
	/** The draft of a stakeholder update. */
	draftUpdate: (incidentId: string) => Promise<string>;
	/** Puts text on the clipboard through the terminal (OSC 52). */
	copyToClipboard: (text: string) => void;
}
