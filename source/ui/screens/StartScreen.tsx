import {Box, useApp} from 'ink';
import {useScreenController} from '../hooks/useScreenController.js';
import type {KeyPress} from '../key-press.js';
import type {IncidentStore} from '../screen-services.js';
import {handleStartKey, initialStartForm, type StartEffect, type StartForm} from '../start-form.js';
import {severityColor, theme} from '../theme.js';
import {Text} from '../components/Text.js';

interface StartScreenProps {
	/** The responder's handle: the commander unless another is typed. */
	handle: string;
	store: IncidentStore;
	onOpened: (incidentId: string) => void;
}

const SEVERITY_HELP = [
	'1  SEV-1 critical: data loss, security breach, system down',
	'2  SEV-2 major: a feature broken or badly degraded',
	'3  SEV-3 minor: a glitch or cosmetic issue',
];

export function StartScreen({handle, store, onOpened}: StartScreenProps) {
	const {exit} = useApp();
	const form = useScreenController(
		() => initialStartForm(handle),
		(current: StartForm, press: KeyPress, now: Date) => {
			const {form: state, effect} = handleStartKey(current, press, now);
			return {state, effect};
		},
		(effect: StartEffect, next: StartForm): StartForm => {
			if (effect.type === 'quit') {
				exit();
				return next;
			}
			try {
				onOpened(store.open(effect));
				return next;
			} catch (error) {
				return {...next, error: error instanceof Error ? error.message : String(error)};
			}
		},
	);

	return (
		<Box flexDirection="column">
			<Text bold>New incident (Ctrl-C quits; nothing is written until the last step)</Text>
			<Text wrap="truncate">
				<Text color={form.step === 'title' ? theme.accent : undefined}>Title › </Text>
				{form.title}
				{form.step === 'title' ? '█' : ''}
			</Text>
			{form.step !== 'title' ? (
				<Box flexDirection="column">
					<Text color={form.step === 'severity' ? theme.accent : undefined}>
						Severity › {form.severity ? <Text color={severityColor(form.severity)}>{`SEV-${form.severity}`}</Text> : 'press 1, 2 or 3'}
					</Text>
					{form.step === 'severity' ? SEVERITY_HELP.map(line => <Text key={line} wrap="truncate" color={theme.muted}>{`  ${line}`}</Text>) : null}
				</Box>
			) : null}
			{form.step === 'commander' ? (
				<Text wrap="truncate">
					<Text color={theme.accent}>Commander › </Text>
					{form.commander}█<Text color={theme.muted}> (Enter opens the incident)</Text>
				</Text>
			) : null}
			{form.error ? <Text color={theme.error}>{form.error}</Text> : null}
		</Box>
	);
}
