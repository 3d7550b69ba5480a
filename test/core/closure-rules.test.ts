import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {createCommandContext} from '../../source/commands/command-context.js';
import {closeIncident} from '../../source/commands/closure.js';
import {recordEvent} from '../../source/commands/record-event.js';
import {UserError} from '../../source/commands/command-errors.js';
import {logNote} from '../../source/commands/log-note.js';
import {loadIncident} from '../../source/commands/load-incident.js';
import {openIncident} from '../../source/commands/open-incident.js';
import {closeBlocker} from '../../source/core/closure-rules.js';
import {reduceIncident} from '../../source/core/reducer.js';
import {journalPathOf} from '../../source/journal/journal-paths.js';
import {eventFactory} from '../helpers/event-factory.js';
import {makeTempDir} from '../helpers/temp-dir.js';

// The golden rule: no close without a test or monitor recorded, or a written reason.

const alice = eventFactory('alice');
const opened = alice(0, {type: 'incident.opened', title: 'Checkout 5xx', severity: 1, commander: 'alice'});
const invariant = alice(30, {type: 'invariant.recorded', kind: 'test', reference: 'test/checkout.test.ts', description: 'rejects an empty cart'});

describe('closeBlocker', () => {
	const withoutInvariant = reduceIncident('2026-11-23-01', [opened]);

	it.each([undefined, '', '   \t'])('refuses a close with neither an invariant nor a reason (reason %j)', reason => {
		expect(closeBlocker(withoutInvariant, reason)).toMatch(/not closed until a test or monitor is recorded/);
	});

	it('allows a close with a recorded invariant, or with a written reason', () => {
		expect(closeBlocker(reduceIncident('2026-11-23-01', [opened, invariant]), undefined)).toBeUndefined();
		expect(closeBlocker(withoutInvariant, 'a one-off config typo; a linter rule is tracked in OPS-12')).toBeUndefined();
	});

	it('refuses to close twice', () => {
		const closed = reduceIncident('2026-11-23-01', [opened, invariant, alice(40, {type: 'incident.closed'})]);
		expect(closeBlocker(closed, 'again')).toMatch(/already closed/);
	});
});

describe('closeIncident', () => {
	it('writes nothing when neither an invariant nor a reason is given', () => {
		const docsDir = makeTempDir();
		const context = createCommandContext(docsDir, 'alice');
		const {incidentId} = openIncident(context, {title: 'No guard', severity: 2});
		const journal = journalPathOf(docsDir, incidentId, context.writer);
		const before = readFileSync(journal, 'utf8');
		for (const reason of [undefined, '', '  ']) {
			expect(() => closeIncident(context, incidentId, reason, context.now())).toThrow(UserError);
		}
		expect(readFileSync(journal, 'utf8')).toBe(before);
		const {state} = loadIncident(docsDir, incidentId);
		expect(state.closed).toBeUndefined();
		expect(state.status).toBe('investigating');
	});

	it('closes once a test is recorded, and with only a reason keeps the reason for the report', () => {
		const docsDir = makeTempDir();
		const context = createCommandContext(docsDir, 'alice');
		const guarded = openIncident(context, {title: 'Guarded', severity: 2}).incidentId;
		recordEvent(context, guarded, {type: 'invariant.recorded', kind: 'test', reference: 'test/guard.test.ts', description: 'guards it'});
		closeIncident(context, guarded, undefined, context.now());
		expect(loadIncident(docsDir, guarded).state).toMatchObject({status: 'resolved', closed: {}});

		const excused = openIncident(context, {title: 'Excused', severity: 2}).incidentId;
		closeIncident(context, excused, 'hardware fault, replaced', context.now());
		expect(loadIncident(docsDir, excused).state.closed).toMatchObject({overrideReason: 'hardware fault, replaced'});
	});

	it('takes the close as the resolution when none was logged, and keeps a logged one', () => {
		const docsDir = makeTempDir();
		const context = createCommandContext(docsDir, 'alice');
		const unlogged = openIncident(context, {title: 'No resolution logged', severity: 2}).incidentId;
		const closedAt = new Date(context.now().getTime() + 60_000);
		closeIncident(context, unlogged, 'a one-off', closedAt);
		expect(loadIncident(docsDir, unlogged).state.milestones.resolved).toBe(closedAt.toISOString());

		const logged = openIncident(context, {title: 'Resolution logged', severity: 2}).incidentId;
		const resolvedAt = new Date(context.now().getTime() - 5_000);
		logNote(context, {incidentId: logged, kind: 'resolution', text: 'errors back to baseline', at: resolvedAt});
		closeIncident(context, logged, 'a one-off', closedAt);
		expect(loadIncident(docsDir, logged).state.milestones.resolved).toBe(resolvedAt.toISOString());
	});
});
