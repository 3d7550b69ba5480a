import {JSDOM} from 'jsdom';

// Mermaid reads `window` and `document` when its module loads, so the DOM
// goes on the globals before the first import. Only test files outside
// test/ui and test/core may use this: those share one module graph, and
// these globals would leak into every other test there.

type Mermaid = (typeof import('mermaid'))['default'];
let loading: Promise<Mermaid> | undefined;

async function loadMermaid(): Promise<Mermaid> {
	const {window} = new JSDOM('<!doctype html><html><body></body></html>', {pretendToBeVisual: true});
	const globals = globalThis as Record<string, unknown>;
	globals['window'] = window;
	globals['document'] = window.document;
	const {default: mermaid} = await import('mermaid');
	mermaid.initialize({startOnLoad: false});
	return mermaid;
}

/** Mermaid's own parser on `text`: resolves with the diagram type, rejects with Mermaid's error. */
export async function parseMermaid(text: string): Promise<string> {
	loading ??= loadMermaid();
	const mermaid = await loading;
	const result = await mermaid.parse(text);
	if (!result) throw new Error('mermaid.parse returned false');
	return result.diagramType;
}

export interface TimelinePeriod {
	section: string;
	period: string;
	events: string[];
}

/** A `timeline` diagram as Mermaid reads it: which events it sees, at which period, in which section. */
export async function readMermaidTimeline(text: string): Promise<TimelinePeriod[]> {
	loading ??= loadMermaid();
	const mermaid = await loading;
	const diagram = await mermaid.mermaidAPI.getDiagramFromText(text);
	const db = diagram.db as unknown as {getTasks(): {section: string; task: string; events: string[]}[]};
	return db.getTasks().map(task => ({section: task.section, period: task.task.trim(), events: task.events.map(event => event.trim())}));
}
