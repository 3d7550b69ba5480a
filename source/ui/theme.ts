import type {Severity} from '../core/events.js';
import type {TimelineKind} from '../core/incident-state.js';

// Colours, or none at all when NO_COLOR is set (https://no-color.org).

const colorEnabled = !('NO_COLOR' in process.env && process.env['NO_COLOR'] !== '');

const color = (value: string): string | undefined => (colorEnabled ? value : undefined);

const SEVERITY_COLORS: Record<Severity, string> = {1: 'red', 2: '#ff8700', 3: 'yellow'};

export function severityColor(severity: Severity): string | undefined {
	return color(SEVERITY_COLORS[severity]);
}

const KIND_COLORS: Partial<Record<TimelineKind, string>> = {
	detection: 'red',
	acknowledged: 'cyan',
	action: 'blue',
	mitigation: 'green',
	resolution: 'green',
	communication: 'cyan',
	escalation: 'magenta',
	hypothesis: 'yellow',
	status: 'white',
	severity: 'white',
	unknown: 'gray',
};

export function kindColor(kind: TimelineKind): string | undefined {
	const value = KIND_COLORS[kind];
	return value ? color(value) : undefined;
}

export const theme = {
	error: color('red'),
	warning: color('yellow'),
	muted: color('gray'),
	done: color('green'),
	accent: color('cyan'),
};
