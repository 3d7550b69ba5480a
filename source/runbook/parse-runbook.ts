import {marked, type Token, type Tokens} from 'marked';
import type {ChecklistItem} from '../core/checklist.js';
import type {Severity} from '../core/events.js';
import type {Runbook, RunbookPhase, SeverityDefinition, Target} from './runbook.js';

// Reads a runbook in the format of seeds/runbook.md with marked's lexer:
// severity sections (a "SEV-N" heading, a Definition paragraph, an Aspect /
// Requirement table) and phases (any heading whose section holds a checklist).
// A checklist is a task list (`- [ ] item`), or, as in the seed, `1. [ ] item`
// lines inside a code fence, which Markdown itself leaves as plain text.

export class RunbookError extends Error {
	override name = 'RunbookError';
	constructor(
		readonly file: string,
		readonly line: number,
		reason: string,
	) {
		super(`${file}:${line}: ${reason}`);
	}
}

interface Section {
	heading: Tokens.Heading;
	line: number;
	body: Token[];
}

export function parseRunbook(markdown: string, source: string): Runbook {
	const sections = splitSections(marked.lexer(markdown));
	const severities: SeverityDefinition[] = [];
	const phases: RunbookPhase[] = [];
	for (const section of sections) {
		const severity = /^[^\p{L}\p{N}]*SEV-?([123])\b/iu.exec(section.heading.text);
		if (severity) {
			severities.push(readSeverity(Number(severity[1]) as Severity, section));
			continue;
		}
		const phase = readPhase(section, phases);
		if (phase) phases.push(phase);
	}
	if (phases.length === 0) {
		throw new RunbookError(source, 1, 'no checklist found: a runbook needs phase headings with "- [ ] item" lists');
	}
	return {source, severities, phases};
}

function splitSections(tokens: Token[]): Section[] {
	const sections: Section[] = [];
	let line = 1;
	for (const token of tokens) {
		if (token.type === 'heading') sections.push({heading: token as Tokens.Heading, line, body: []});
		else sections.at(-1)?.body.push(token);
		line += (token.raw.match(/\n/g) ?? []).length;
	}
	return sections;
}

function readSeverity(severity: Severity, section: Section): SeverityDefinition {
	const name = section.heading.text
		.replace(/\bSEV-?[123]\b/i, '')
		.replace(/^[\s—–:-]+/, '')
		.replace(/[^\p{L}\p{N}\s-]/gu, '')
		.trim();
	const definition: SeverityDefinition = {severity, name: name || `SEV-${severity}`};
	for (const token of section.body) {
		if (token.type === 'paragraph') {
			const text = plainText((token as Tokens.Paragraph).tokens);
			const match = /^Definition:\s*(.+)$/is.exec(text);
			if (match) definition.definition = match[1]!.trim();
		}
		if (token.type === 'table') {
			for (const row of (token as Tokens.Table).rows) {
				const aspect = plainText(row[0]?.tokens ?? []).toLowerCase();
				const requirement = plainText(row[1]?.tokens ?? []).trim();
				if (aspect.startsWith('response')) definition.responseTarget = parseTarget(requirement);
				if (aspect.startsWith('resolution')) definition.resolutionTarget = parseTarget(requirement);
				if (aspect.startsWith('communication')) definition.communication = requirement;
				if (aspect.startsWith('update')) definition.updateInterval = parseTarget(requirement);
			}
		}
	}
	return definition;
}

const UNIT_MS: Record<string, number> = {second: 1000, minute: 60_000, min: 60_000, hour: 3_600_000, hr: 3_600_000, day: 86_400_000};

export function parseTarget(text: string): Target {
	if (/\bimmediate(ly)?\b/i.test(text)) return {text, ms: 0};
	const match = /(\d+(?:\.\d+)?)\s*(second|minute|min|hour|hr|day)s?\b/i.exec(text);
	if (!match) return {text};
	return {text, ms: Number(match[1]) * UNIT_MS[match[2]!.toLowerCase()]!};
}

function readPhase(section: Section, earlier: readonly RunbookPhase[]): RunbookPhase | undefined {
	const {name, hint} = phaseName(section.heading.text);
	const key = uniqueKey(itemKey(name) || 'phase', new Set(earlier.map(p => p.key)));
	const items: ChecklistItem[] = [];
	const used = new Set<string>();
	const add = (label: string, depth: number, parent?: string) => {
		const head = itemKey(label.split(':')[0]!.split(/\s+/).slice(0, 5).join(' ')) || 'item';
		const unique = uniqueKey(parent ? `${parent}/${head}` : `${key}/${head}`, used);
		used.add(unique);
		items.push({key: unique, label, depth});
		return unique;
	};
	for (const token of section.body) {
		if (token.type === 'list') readTaskList(token as Tokens.List, 0, undefined, add);
		if (token.type === 'code') readFencedChecklist((token as Tokens.Code).text, add);
	}
	return items.length > 0 ? {key, name, hint, items} : undefined;
}

type AddItem = (label: string, depth: number, parent?: string) => string;

function readTaskList(list: Tokens.List, depth: number, parent: string | undefined, add: AddItem): void {
	for (const item of list.items) {
		const nested = item.tokens.filter((t): t is Tokens.List => t.type === 'list');
		const own = item.tokens.filter(t => t.type !== 'list' && t.type !== 'checkbox');
		const key = item.task ? add(plainText(own).trim(), depth, parent) : parent;
		for (const child of nested) readTaskList(child, item.task ? depth + 1 : depth, key, add);
	}
}

function readFencedChecklist(code: string, add: AddItem): void {
	let parent: string | undefined;
	for (const line of code.split('\n')) {
		const match = /^(\s*)(?:\d+[.)]|[-*])?\s*\[[ xX]\]\s+(.+)$/.exec(line);
		if (!match) continue;
		const depth = match[1]!.length >= 2 && parent ? 1 : 0;
		const key = add(match[2]!.trim(), depth, depth === 1 ? parent : undefined);
		if (depth === 0) parent = key;
	}
}

function phaseName(heading: string): {name: string; hint?: string} {
	const withoutNumber = heading.replace(/^Phase\s*\d+\s*[:.—–-]\s*/i, '').trim();
	const hint = /\(([^)]*)\)\s*$/.exec(withoutNumber);
	return {name: withoutNumber.replace(/\s*\([^)]*\)\s*$/, '').trim(), hint: hint?.[1]};
}

/**
 * A checklist key stored in tick events: lower-case ASCII words joined by
 * dashes ("Detection & Triage" → "detection-and-triage"). Not the report slug:
 * the live screen must not load transliteration tables to start.
 */
function itemKey(text: string): string {
	return text
		.toLowerCase()
		.replace(/&/g, ' and ')
		.normalize('NFKD')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
}

function uniqueKey(base: string, used: ReadonlySet<string>): string {
	let key = base;
	for (let n = 2; used.has(key); n++) key = `${base}-${n}`;
	return key;
}

/** The visible text of inline tokens, without Markdown markup. */
function plainText(tokens: readonly Token[]): string {
	return tokens
		.map(token => {
			if ('tokens' in token && Array.isArray(token.tokens) && token.type !== 'codespan') return plainText(token.tokens);
			if (token.type === 'br') return ' ';
			return 'text' in token && typeof token.text === 'string' ? token.text : '';
		})
		.join('');
}
