import type {ListedChange} from '../../commands/recent-changes.js';
import {SHORT_HASH_LENGTH} from '../../core/describe-event.js';
import {formatUtcDateTime} from '../../core/time-format.js';
import {HYPOTHESIS_RESULTS, NOTE_KINDS, ROLES, SEVERITIES, STATUSES} from '../../core/events.js';
import {stamped, toBrowse, type KeyContext, type LiveKeyResult, type LiveUi, type ModeHandler, type ModeOf, type ChoicePurpose} from '../live-state.js';
import {CLOSE_STEP} from '../wizard-steps.js';
import {amendKind} from './amend.js';
import {startWizardStep} from './wizard.js';

// Picking one of a few options (status, severity, hypothesis result, role, a note's kind):
// arrows and Enter, a number, or the first letter.

type ChooseMode = ModeOf<'choose'>;

export function choiceOptions(purpose: ChoicePurpose): readonly string[] {
	switch (purpose.kind) {
		case 'status':
			return STATUSES;
		case 'severity':
			return SEVERITIES.map(String);
		case 'result':
			return HYPOTHESIS_RESULTS;
		case 'role':
			return ROLES;
		case 'note-kind':
			return NOTE_KINDS;
		case 'change':
			return purpose.changes.map(changeChoice);
	}
}

export const chooseMode: ModeHandler<ChooseMode> = {
	commands: {
		move: (ui, mode, {arg}) => {
			const count = choiceOptions(mode.purpose).length;
			return {ui: {...ui, mode: {...mode, index: (mode.index + (arg === 'up' ? -1 : 1) + count) % count}}};
		},
		pick: (ui, mode, key) => choose(ui, mode, mode.index, key),
		cancel: ui => ({ui: toBrowse(ui, 'cancelled')}),
	},
	text: (ui, mode, text, key) => {
		const options = choiceOptions(mode.purpose);
		const byNumber = /^[1-9]$/.test(text) ? Number(text) - 1 : -1;
		// Changes start with their date: only their numbers pick them.
		const byLetter = text.length === 1 && mode.purpose.kind !== 'change' ? options.findIndex(option => option.startsWith(text.toLowerCase())) : -1;
		const chosen = byNumber >= 0 && byNumber < options.length ? byNumber : byLetter;
		return chosen < 0 ? {ui} : choose(ui, mode, chosen, key);
	},
};

/** `2026-11-23 14:02 merge a1b2c3d api alice: Merge pull request #12`, `*` first when already in the timeline. */
function changeChoice(change: ListedChange): string {
	const kind = change.kind === 'tag' ? `tag ${change.tag ?? ''}` : change.kind;
	return `${change.picked ? '* ' : ''}${formatUtcDateTime(change.at)} ${kind} ${change.hash.slice(0, SHORT_HASH_LENGTH)} ${change.repository} ${change.author}: ${change.subject}`;
}

function pickChange(ui: LiveUi, change: ListedChange, now: Date): LiveKeyResult {
	if (change.picked) return {ui: toBrowse(ui, `${change.hash.slice(0, SHORT_HASH_LENGTH)} is in the timeline already; nothing added`)};
	const {kind, hash, author, subject, repository, tag, at} = change;
	const event = {type: 'change.recorded', change: kind, hash, commitAuthor: author, subject, repository, ...(tag === undefined ? {} : {tag})} as const;
	return {ui: toBrowse(ui), effect: {type: 'record', event, at: new Date(at), loggedAt: now}};
}

function choose(ui: LiveUi, mode: ChooseMode, chosen: number, {view, now}: KeyContext): LiveKeyResult {
	const {purpose, pressedAt} = mode;
	switch (purpose.kind) {
		case 'status':
			// Resolved goes through the wizard's close step: the golden rule applies.
			if (STATUSES[chosen] === 'resolved') return {ui: {...ui, mode: startWizardStep(CLOSE_STEP, view.wizard)}};
			return stamped(toBrowse(ui), {type: 'status.changed', status: STATUSES[chosen]!}, pressedAt);
		case 'severity':
			return stamped(toBrowse(ui), {type: 'severity.changed', severity: SEVERITIES[chosen]!}, pressedAt);
		case 'change':
			return pickChange(ui, purpose.changes[chosen]!, now);
		case 'note-kind':
			return amendKind(ui, purpose.target, purpose.current, NOTE_KINDS[chosen]!, pressedAt);
		case 'role':
			return {ui: {...ui, mode: {name: 'text', purpose: {kind: 'role-handle', role: ROLES[chosen]!}, value: '', pressedAt}}};
		case 'result': {
			const {kind: _result, ...target} = purpose;
			const evidence = {kind: 'evidence', result: HYPOTHESIS_RESULTS[chosen]!, ...target} as const;
			return {ui: {...ui, mode: {name: 'text', purpose: evidence, value: '', pressedAt}}};
		}
	}
}
