import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {reduceIncident} from '../../source/core/reducer.js';
import {builtInRunbook} from '../../source/runbook/load-runbook.js';
import {renderReport} from '../../source/report/render-report.js';
import {findTemplate} from '../../source/report/template-store.js';
import {timelineDiagram} from '../../source/report/timeline-diagram.js';
import {SCRIPTED_ID, SCRIPTED_NOW, scriptedIncident} from '../fixtures/scripted-incident.js';
import {eventFactory} from '../helpers/event-factory.js';
import {parseMermaid, readMermaidTimeline} from '../helpers/mermaid-parse.js';
import {makeTempDir} from '../helpers/temp-dir.js';
import {hostileIncident} from './hostile-incident.js';

// GitHub draws the ```mermaid block of a report, or shows an error box when
// Mermaid cannot parse it. Mermaid's own parser (under a DOM shim, hence this
// folder and not test/ui or test/core) checks every diagram we produce.

const TEMPLATES = ['incident-report', 'incident-response', 'retrospective', 'postmortem', 'sre'] as const;

const diagramsIn = (markdown: string) => [...markdown.matchAll(/^```mermaid\n([\s\S]*?)^```$/gm)].map(match => match[1]!);

describe('Mermaid parses every diagram', () => {
	it.each(TEMPLATES)('in the golden %s report', async name => {
		const diagrams = diagramsIn(readFileSync(new URL(`../golden/${name}.md`, import.meta.url), 'utf8'));
		expect(diagrams).toHaveLength(1);
		for (const diagram of diagrams) await expect(parseMermaid(diagram)).resolves.toBe('timeline');
	});

	it.each(TEMPLATES)('in the %s report of a hostile incident spanning two days', async name => {
		const state = reduceIncident(SCRIPTED_ID, hostileIncident());
		const diagrams = diagramsIn(renderReport(findTemplate(makeTempDir(), name), state, builtInRunbook(), SCRIPTED_NOW));
		expect(diagrams).toHaveLength(1);
		for (const diagram of diagrams) await expect(parseMermaid(diagram)).resolves.toBe('timeline');
	});

	it('of an incident with no events yet, and of one just opened', async () => {
		const alice = eventFactory('alice');
		await expect(parseMermaid(timelineDiagram(reduceIncident(SCRIPTED_ID, [])))).resolves.toBe('timeline');
		const opened = [alice(0, {type: 'incident.opened', title: 'x', severity: 3, commander: 'alice'})];
		await expect(parseMermaid(timelineDiagram(reduceIncident(SCRIPTED_ID, opened)))).resolves.toBe('timeline');
	});

	it('and the parser refuses what the reports used to hold (a time written 14:55)', async () => {
		await expect(parseMermaid('timeline\n    section Investigating\n        14:55 : pager fired')).rejects.toThrow(/Parse error/);
	});
});

describe('Mermaid reads the diagram as meant', () => {
	it('one section per milestone, the mitigation under "Mitigation" although the status was still Identified', async () => {
		const periods = await readMermaidTimeline(timelineDiagram(reduceIncident(SCRIPTED_ID, scriptedIncident())));
		expect([...new Set(periods.map(period => period.section))]).toEqual(['Impact', 'Detection', 'Mitigation', 'Resolution']);
		const mitigation = periods.filter(period => period.events.some(event => event.startsWith('Mitigated')));
		expect(mitigation).toEqual([{section: 'Mitigation', period: '00.31', events: ['Mitigated - Rolled back ledger-writer to v2.13.4 with…']}]);
	});

	it('dates the first time of each UTC day only, and leaves out the close, which repeats the resolution', async () => {
		const periods = await readMermaidTimeline(timelineDiagram(reduceIncident(SCRIPTED_ID, scriptedIncident())));
		expect(periods.map(period => period.period).filter(period => period.includes('-'))).toEqual(['2026-11-23 23.41', '2026-11-24 00.00']);
		expect(periods.at(-1)).toEqual({section: 'Resolution', period: '01.10', events: ['Resolved - Card auth success at its 99.7% baseline for 30…']});
	});

	it('keeps hostile text inside its one event: no colon, comment or fake section splits or adds one', async () => {
		const periods = await readMermaidTimeline(timelineDiagram(reduceIncident(SCRIPTED_ID, hostileIncident())));
		expect(periods.map(({section, period, events}) => [section, period, events.length])).toEqual([
			['Impact', '2026-11-23 02.58', 1],
			['Detection', '03.00', 1],
			['Detection', '03.01', 2],
			['Detection', '03.03', 1],
			['Mitigation', '03.04', 1],
			['Mitigation', '03.05', 1],
			['Resolution', '2026-11-24 03.05', 1],
		]);
		for (const event of periods.flatMap(period => period.events)) expect(Array.from(event).length).toBeLessThanOrEqual(60);
	});
});
