import type {ChecklistItem} from '../core/checklist.js';
import type {Severity} from '../core/events.js';

export interface Target {
	/** As written in the runbook: "Within 1 hour". */
	text: string;
	/** Undefined when the text names no duration ("ASAP"). */
	ms?: number;
}

export interface SeverityDefinition {
	severity: Severity;
	name: string;
	definition?: string;
	responseTarget?: Target;
	resolutionTarget?: Target;
	communication?: string;
	/** How often stakeholders get an update ("Every 30 minutes"). */
	updateInterval?: Target;
}

export interface RunbookPhase {
	key: string;
	name: string;
	/** The time hint from the heading, such as "0-5 min". */
	hint?: string;
	items: ChecklistItem[];
}

export interface Runbook {
	/** Where it was read from, for messages. */
	source: string;
	severities: SeverityDefinition[];
	phases: RunbookPhase[];
}
