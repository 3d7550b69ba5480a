import {existsSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {escapeCell} from './markdown-escape.js';

// docs/INCIDENT_LOG.md: one table row per incident, newest first. Updating it
// replaces or inserts this incident's row and leaves every other line as it was.

export interface IncidentLogRow {
	id: string;
	date: string;
	severity: string;
	title: string;
	status: string;
	duration: string;
	/** The report's path relative to the log file. */
	link: string;
}

const HEADER = ['| ID | Date | Severity | Title | Status | Duration | Report |', '| --- | --- | --- | --- | --- | --- | --- |'];
const ROW_ID = /^\|\s*\[?(\d{4}-\d{2}-\d{2}-\d{2,3})\]?/;

export function incidentLogPathOf(docsDir: string): string {
	return join(docsDir, 'INCIDENT_LOG.md');
}

/** The log as it is now; undefined before the first publish. */
export function readIncidentLog(path: string): string | undefined {
	return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}

export function formatLogRow(row: IncidentLogRow): string {
	const cells = [row.id, row.date, row.severity, escapeCell(row.title), row.status, row.duration, `[report](${encodeURI(row.link)})`];
	return `| ${cells.join(' | ')} |`;
}

export function updateIncidentLog(existing: string | undefined, row: IncidentLogRow): string {
	const line = formatLogRow(row);
	if (existing === undefined || existing.trim() === '') {
		return ['# Incident Log', '', 'One row per incident, newest first. Written by incident-tui publish.', '', ...HEADER, line, ''].join('\n');
	}
	const lines = existing.replace(/\n$/, '').split('\n');
	const headerAt = lines.findIndex(text => text.trim() === HEADER[0]);
	if (headerAt === -1) return [...lines, '', ...HEADER, line, ''].join('\n');
	let index = headerAt + 2;
	for (; index < lines.length && lines[index]!.startsWith('|'); index++) {
		const id = ROW_ID.exec(lines[index]!)?.[1];
		if (id === row.id) {
			lines[index] = line;
			return `${lines.join('\n')}\n`;
		}
		if (id !== undefined && id < row.id) break;
	}
	lines.splice(index, 0, line);
	return `${lines.join('\n')}\n`;
}
