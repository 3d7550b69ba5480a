import {readFileSync, writeFileSync} from 'node:fs';
import {expect, it} from 'vitest';
import {reduceIncident} from '../../source/core/reducer.js';
import {builtInRunbook} from '../../source/runbook/load-runbook.js';
import {renderStatusUpdate} from '../../source/report/status-update.js';
import {findTemplate} from '../../source/report/template-store.js';
import {SCRIPTED_ID, scriptedIncident} from '../fixtures/scripted-incident.js';
import {eventFactory} from '../helpers/event-factory.js';
import {makeTempDir} from '../helpers/temp-dir.js';

const template = () => findTemplate(makeTempDir(), 'status-update', 'any');
/** The scripted incident as it stood at 00:40, after the rollback, before the second update. */
const midIncident = () => reduceIncident(SCRIPTED_ID, scriptedIncident().filter(event => event.at <= '2026-11-24T00:35:00.000Z'));

it('drafts the update from the incident as it stands (golden file)', () => {
	const draft = renderStatusUpdate(template(), midIncident(), builtInRunbook(), new Date('2026-11-24T00:40:00.000Z'));
	const golden = new URL('../golden/status-update.txt', import.meta.url);
	if (process.env['UPDATE_GOLDEN']) writeFileSync(golden, draft);
	expect(draft).toBe(readFileSync(golden, 'utf8'));
});

it('keeps control characters and bidi overrides out of the text, and is not a report template', () => {
	const alice = eventFactory('alice');
	const state = reduceIncident(SCRIPTED_ID, [
		alice(0, {type: 'incident.opened', title: 'Evil \u001b[2J \u202etitle', severity: 1, commander: 'alice'}),
		alice(1, {type: 'note.logged', kind: 'mitigation', text: 'rolled back \u0007<b>v2</b>'}),
	]);
	const draft = renderStatusUpdate(template(), state, builtInRunbook(), new Date('2026-11-23T03:05:00.000Z'));
	expect(draft).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u202e]/);
	expect(draft).toContain('- 03:01 rolled back <b>v2</b>');
});

it('drops a pasted terminal escape sequence whole, not only its ESC', () => {
	const alice = eventFactory('alice');
	const state = reduceIncident(SCRIPTED_ID, [
		alice(0, {type: 'incident.opened', title: 'x', severity: 1, commander: 'alice'}),
		alice(1, {type: 'note.logged', kind: 'action', text: 'grep -c timeout \u001b[1;31m4187\u001b[0m lines'}),
	]);
	const draft = renderStatusUpdate(template(), state, builtInRunbook(), new Date('2026-11-23T03:05:00.000Z'));
	expect(draft).toContain('- 03:01 grep -c timeout 4187 lines');
	expect(() => findTemplate(makeTempDir(), 'status-update')).toThrow(/is not a template name/);
});
