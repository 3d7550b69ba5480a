import {hypothesisResultLabel} from '../../core/describe-event.js';
import {displaySafe} from '../../core/display-safe.js';
import {formatUtcDate, formatUtcTime} from '../../core/time-format.js';
import type {LiveMode, ResultTarget, TextPurpose} from '../live-state.js';
import {choiceOptions} from '../modes/choose.js';
import {endOfWidth, textWidth, truncateToWidth} from '../text-wrap.js';
import {theme} from '../theme.js';
import {Text} from './Text.js';

interface PromptLineProps {
	mode: LiveMode;
	message?: {text: string; tone: 'info' | 'error'};
	columns: number;
	/** The time `@` set (LiveUi.pendingAt). */
	pendingAt?: Date;
}

const CURSOR = '█';
/** Columns of the typed text kept in view when a message shares the line. */
const MIN_TEXT_SHOWN = 12;

/**
 * The end of `text` that fits in `room` columns, display-safe: where the
 * cursor is. CJK characters and emoji take two columns, so it is measured in
 * columns, not characters. Only the end is made safe and measured, so a 65 KB
 * paste costs no more per key than a short line (drawing all of it took
 * seconds a key).
 */
export function lineEnd(text: string, room: number): string {
	// Up to 8 code units a column covers CJK, flags and most emoji sequences (stand-ins for controls are wider, not narrower); a longer sequence only fills less of the line.
	const tail = text.length > room * 8 + 8 ? text.slice(-(room * 8 + 8)) : text;
	return endOfWidth(displaySafe(tail), room);
}

/** Columns a prompt's question keeps however much is typed; the quote of an amended event keeps fewer. */
const MIN_LABEL_SHOWN = 16;
const MIN_SUMMARY_SHOWN = 10;

/**
 * The question of a text prompt in at most `room` columns. The amend prompt of
 * an event without text (the opening, a status) quotes the event: the quote
 * is cut, not the words after it that say what can change.
 */
function textLabel(purpose: TextPurpose, room: number): string {
	switch (purpose.kind) {
		case 'note':
			return purpose.noteKind[0]!.toUpperCase() + purpose.noteKind.slice(1);
		case 'hypothesis-statement':
			return 'Hypothesis';
		case 'hypothesis-test':
			return 'How will you test it';
		case 'evidence':
			return `Evidence (${purpose.result}) for ${resultTarget(purpose)}`;
		case 'role-handle':
			return `Handle of the new ${purpose.role}`;
		case 'handover-summary':
			return `Hand-over note for ${purpose.handle} (where things stand; Enter to skip)`;
		case 'pending-time':
			return 'Time of the next status, severity, tick or close (UTC: 14:55, -5m, 2026-11-25 15:01; empty clears)';
		case 'command-line':
			return 'Command to run in the terminal (sh; logged with its exit code and output)';
		case 'amend':
			if (purpose.target.text !== undefined) return 'Amend (time, @doer:, text)';
			return `Amend "${truncateToWidth(purpose.target.summary, Math.max(MIN_SUMMARY_SHOWN, room - textWidth('Amend "" (time, @doer:)')))}" (time, @doer:)`;
	}
}

/** `H2: DB locks (newest open), changes its confirmed result`: which hypothesis a result is for. */
function resultTarget(target: ResultTarget): string {
	const changes = target.replaces ? `, changes the ${hypothesisResultLabel(target.replaces)} result of ${target.ref}` : '';
	return `${target.ref}: ${displaySafe(target.statement)} (${target.chosenAs}${changes})`;
}

/** The time `@` set, waiting for the action it stamps. */
const pendingLine = (at: Date | undefined) => (at ? `  @ ${formatUtcDate(at)} ${formatUtcTime(at)} UTC for the next status, severity, tick or close (Esc clears)` : '');

const CHOICE_LABELS = {status: 'Status', severity: 'Severity', result: 'Result', role: 'Role', 'note-kind': 'Kind', change: 'Change'} as const;

/** The line above the footer: the open prompt, or the last message. */
export function PromptLine({mode, message, columns, pendingAt}: PromptLineProps) {
	if (mode.name === 'text') {
		const at = ` @ ${formatUtcTime(mode.pressedAt)} › `;
		// A long question yields to what is typed, up to half the line (measured on the end that fits, so a paste costs no more per key).
		const typedWidth = Math.min(textWidth(lineEnd(mode.value, columns)), Math.floor(columns / 2));
		const labelRoom = Math.max(MIN_LABEL_SHOWN, columns - textWidth(at) - 2 - typedWidth);
		const prefix = `${truncateToWidth(textLabel(mode.purpose, labelRoom), labelRoom)}${at}`;
		// Why the answer was not taken shares the line with it: the prompt stays open, text and all.
		const reason = message ? `  ${message.tone === 'error' ? '✗ ' : ''}${displaySafe(message.text)}` : '';
		// Keep the end of a long line (where the cursor is) in view.
		const room = Math.max(reason ? MIN_TEXT_SHOWN : 1, columns - textWidth(prefix) - 2 - textWidth(reason));
		const tail = lineEnd(mode.value, room);
		return (
			<Text wrap="truncate">
				<Text bold color={theme.accent}>
					{prefix}
				</Text>
				{tail}
				{CURSOR}
				<Text color={message?.tone === 'error' ? theme.error : undefined}>{reason}</Text>
			</Text>
		);
	}
	if (mode.name === 'choose' && mode.purpose.kind === 'change') {
		// Change lines are long: the one under the selection, with where it is in the list.
		const options = choiceOptions(mode.purpose);
		return (
			<Text wrap="truncate">
				<Text bold color={theme.accent}>{`Change ${mode.index + 1}/${options.length} (↑ ↓): `}</Text>
				<Text inverse>{displaySafe(options[mode.index] ?? '')}</Text>
			</Text>
		);
	}
	if (mode.name === 'choose') {
		const options = choiceOptions(mode.purpose);
		return (
			<Text wrap="truncate">
				<Text bold color={theme.accent}>{`${CHOICE_LABELS[mode.purpose.kind]}${mode.purpose.kind === 'result' ? ` for ${resultTarget(mode.purpose)}` : ''}: `}</Text>
				{options.map((option, index) => (
					<Text key={option} inverse={index === mode.index}>{` ${index + 1} ${option} `}</Text>
				))}
			</Text>
		);
	}
	if (mode.name === 'confirm') {
		return (
			<Text wrap="truncate">
				<Text bold color={theme.warning}>
					Undo
				</Text>
				{` "${displaySafe(mode.summary)}"? y/n`}
			</Text>
		);
	}
	if (message || pendingAt) {
		return (
			<Text wrap="truncate">
				<Text color={message?.tone === 'error' ? theme.error : undefined}>{displaySafe(message?.text ?? '')}</Text>
				<Text color={theme.warning}>{pendingLine(pendingAt)}</Text>
			</Text>
		);
	}
	return <Text> </Text>;
}
