import {readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';

/** Every event line of an incident's journals, parsed, file by file in directory order. */
export function journalLines(repo: string, incidentId: string): Record<string, unknown>[] {
	const eventsDir = join(repo, 'docs', 'incidents', incidentId, 'events');
	return readdirSync(eventsDir)
		.filter(name => name.endsWith('.jsonl'))
		.flatMap(name => readFileSync(join(eventsDir, name), 'utf8').trim().split('\n'))
		.map(line => JSON.parse(line) as Record<string, unknown>);
}

/** The only incident in `repo` (tests that open one). */
export function onlyIncidentId(repo: string): string {
	return readdirSync(join(repo, 'docs', 'incidents')).filter(name => !name.startsWith('.') && !name.endsWith('.md'))[0]!;
}
