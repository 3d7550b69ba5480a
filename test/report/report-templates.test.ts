import {mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {marked, type Token, type Tokens} from 'marked';
import {describe, expect, it} from 'vitest';
import {CLOSURE_FIELDS} from '../../source/core/events.js';
import {reduceIncident} from '../../source/core/reducer.js';
import {builtInRunbook} from '../../source/runbook/load-runbook.js';
import {renderReport} from '../../source/report/render-report.js';
import {reportTimeline} from '../../source/report/report-timeline.js';
import {findTemplate} from '../../source/report/template-store.js';
import headings from '../fixtures/section-headings.json' with {type: 'json'};
import {SCRIPTED_ID, SCRIPTED_NOW, scriptedIncident} from '../fixtures/scripted-incident.js';
import {eventFactory} from '../helpers/event-factory.js';
import {NASTY} from './hostile-incident.js';
import {makeTempDir} from '../helpers/temp-dir.js';

const TEMPLATES = ['incident-report', 'incident-response', 'retrospective', 'postmortem', 'sre'] as const;
const runbook = builtInRunbook();
const render = (name: string, events = scriptedIncident(), docsDir = makeTempDir()) =>
	renderReport(findTemplate(docsDir, name), reduceIncident(SCRIPTED_ID, events), runbook, SCRIPTED_NOW);

describe.each(TEMPLATES)('the %s template', name => {
	const golden = new URL(`../golden/${name}.md`, import.meta.url);

	it('renders the scripted incident exactly as the committed golden file', () => {
		const report = render(name);
		// UPDATE_GOLDEN=1 npm test rewrites the golden files after an intended change; review the diff.
		if (process.env['UPDATE_GOLDEN']) writeFileSync(golden, report);
		expect(report).toBe(readFileSync(golden, 'utf8'));
	});

	it('keeps the pipes, comment, escapes and URL of the scripted incident inert', () => {
		const report = render(name);
		const tokens = marked.lexer(report);
		for (const table of collect(tokens, 'table') as Tokens.Table[]) expectEvenTable(table);
		expect(report).not.toMatch(/<!--|\u001b|\u0007/);
		expect(marked.parse(report, {async: false})).not.toMatch(/<a\b/);
	});

	it('names checklist items by label, in a section of their own, and sends each stakeholder update to its own section', () => {
		const report = render(name);
		expect(report).not.toMatch(/detection-and-triage\/|Checked:|Unchecked:|\(logged /);
		expect(report).toContain('### Checklist progress');
		expect(report).toMatch(/\| Detection & Triage \| Roll back if a recent change was made \| dave \|/);
		// Unticked again: the flag changed nothing.
		expect(report).not.toMatch(/\| Turn off feature flags/);
		expect(report).toContain('Impact: about 28% of card payments in the EU and the US have failed since 23:41 UTC; wallets and bank transfers work.');
		expect(report).toMatch(/\[1\].*Release train deployed ledger-writer v2\.14\.0/);
		expect(report).toContain('- [1] at 2026-11-24 00:14 UTC by bob, 36m 00s later');
	});

	it('has every section heading of the house format', () => {
		const lines = render(name).split('\n');
		for (const heading of headings[name]) expect(lines).toContain(heading);
	});

	it('leaves no template placeholder and marks a skipped answer for the review', () => {
		const opened = eventFactory('alice')(0, {type: 'incident.opened', title: 'Bare', severity: 3, commander: 'alice'});
		const report = render(name, [opened]);
		expect(report).not.toMatch(/\{\{|\}\}|\[Item|YYYY|HH:MM|XXX/);
		expect(report).toContain('_TODO(review): what happened');
	});
});

describe('hostile text in every template', () => {
	const nasty = NASTY;
	const huge = `${'x'.repeat(5000)}|${'y'.repeat(5000)}\n<!--`;
	const alice = eventFactory('alice');
	const opened = alice(0, {type: 'incident.opened', title: 'Title | with <!-- pipes --> `and` \u202e ../../x', severity: 1, commander: 'alice'});
	const hypothesis = alice(2, {type: 'hypothesis.added', statement: nasty, test: nasty});
	const action = alice(6, {type: 'action.added', description: nasty, owner: 'al|ice\n<b>', priority: 'P0', status: 'open', bug: '<!-- x -->'});
	const events = [
		opened,
		alice(1, {type: 'note.logged', kind: 'detection', text: nasty}),
		alice(1, {type: 'note.logged', kind: 'note', text: huge}),
		hypothesis,
		alice(3, {type: 'hypothesis.resolved', hypothesis: hypothesis.id, result: 'confirmed', evidence: nasty}),
		alice(4, {type: 'note.logged', kind: 'mitigation', text: nasty}),
		...CLOSURE_FIELDS.map(field => alice(5, {type: 'closure.recorded', field, value: nasty})),
		action,
		alice(7, {type: 'invariant.recorded', kind: 'monitor', reference: nasty, description: nasty}),
		alice(8, {type: 'incident.closed', overrideReason: nasty}),
	];
	const timelineRows = reportTimeline(reduceIncident(SCRIPTED_ID, events)).rows.length;

	it.each(TEMPLATES)('%s: tables keep their shape and no raw HTML survives', name => {
		const report = render(name, events);
		const tokens = marked.lexer(report);
		const tables = collect(tokens, 'table') as Tokens.Table[];
		expect(tables.length).toBeGreaterThan(0);
		for (const table of tables) expectEvenTable(table);
		const timeline = tables.find(table => table.header.some(cell => cell.text === 'Event'));
		if (timeline) expect(timeline.rows).toHaveLength(timelineRows);
		const html = collect(tokens, 'html').map(token => (token as Tokens.HTML).text.trim());
		expect(html.filter(text => text !== '<br>')).toEqual([]);
		expect(report).not.toMatch(/<!--|<script|<img|\u001b|\u0007|\u202e/);
		expect(report).toContain('🔥🚨');
		expect(report).toContain('עברית');
		const headingTexts = (collect(tokens, 'heading') as Tokens.Heading[]).map(heading => heading.text);
		expect(headingTexts.filter(text => text.includes('heading?'))).toEqual([]);
		// The templates hold no link of their own, so any link came from user text.
		expect(collect(tokens, 'link')).toEqual([]);
		expect(collect(tokens, 'image')).toEqual([]);
		expect(marked.parse(report, {async: false})).not.toMatch(/<a\b/);
	});
});

describe('templates from the repository', () => {
	it('overrides a built-in template and adds new ones', () => {
		const docsDir = makeTempDir();
		writeFile(docsDir, 'templates/postmortem.md', '# Ours: {{incident.title}}\n');
		writeFile(docsDir, 'templates/brief.md', '{{incident.id}} {{cell rootCause}}\n');
		expect(render('postmortem', scriptedIncident(), docsDir)).toBe('# Ours: Card payments failing after the ledger-writer release\n');
		expect(render('brief', scriptedIncident(), docsDir)).toBe('2026-11-23-01 The v2.14.0 Dockerfile copies only the service directory, and a missing include falls back to defaults with a warning instead of failing the start.\n');
	});

	it('reports a syntax error in one line naming the file and line', () => {
		const docsDir = makeTempDir();
		writeFile(docsDir, 'templates/broken.md', '# Report\n\n{{#each timeline}}\n{{text}\n');
		expect(() => render('broken', scriptedIncident(), docsDir)).toThrow(/templates\/broken\.md:4: template syntax error/);
	});

	it('refuses a template name that could leave the templates directory', () => {
		expect(() => render('../secrets')).toThrow(/is not a template name/);
	});
});

function writeFile(docsDir: string, path: string, content: string): void {
	const full = `${docsDir}/${path}`;
	mkdirSync(full.slice(0, full.lastIndexOf('/')), {recursive: true});
	writeFileSync(full, content);
}

/**
 * Every line of a table has as many cells as its header. Read from the raw
 * lines: marked's own rows are normalised (extra cells dropped, missing ones
 * padded), so they would hide a "|" that got through.
 */
function expectEvenTable(table: Tokens.Table): void {
	const lines = table.raw.trimEnd().split('\n');
	const widths = lines.map(line => splitCells(line).length);
	expect(widths, lines.join('\n')).toEqual(lines.map(() => widths[0]));
}

/** The cells of a table line, split on each "|" not escaped by a backslash (as GFM does, even inside code spans). */
function splitCells(line: string): string[] {
	const cells: string[] = [];
	let cell = '';
	for (let index = 0; index < line.length; index++) {
		const character = line[index]!;
		if (character === '\\') {
			cell += character + (line[index + 1] ?? '');
			index++;
		} else if (character === '|') {
			cells.push(cell);
			cell = '';
		} else cell += character;
	}
	cells.push(cell);
	// The outer pipes of "| a | b |" open and close the row; they bound no cell.
	if (cells[0]!.trim() === '') cells.shift();
	if (cells.length > 0 && cells.at(-1)!.trim() === '') cells.pop();
	return cells;
}

function collect(tokens: readonly Token[], type: string): Token[] {
	const found: Token[] = [];
	const visit = (list: readonly Token[]) => {
		for (const token of list) {
			if (token.type === type) found.push(token);
			const table = token as Tokens.Table;
			if (token.type === 'table') for (const cell of [...table.header, ...table.rows.flat()]) visit(cell.tokens);
			if ('tokens' in token && Array.isArray(token.tokens)) visit(token.tokens);
			if ('items' in token && Array.isArray(token.items)) visit(token.items as Token[]);
		}
	};
	visit(tokens);
	return found;
}
