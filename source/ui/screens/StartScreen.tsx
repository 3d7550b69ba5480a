import {Box, useApp} from 'ink';
import {useRef, useState} from 'react';
import type {CommandContext} from '../../commands/command-context.js';
import {openIncident} from '../../commands/open-incident.js';
import {useKeyHandler} from '../hooks/useKeyRouter.js';
import {handleStartKey, initialStartForm, type StartForm} from '../start-form.js';
import {severityColor, theme} from '../theme.js';
import {Text} from '../components/Text.js';

interface StartScreenProps {
	context: CommandContext;
	onOpened: (incidentId: string) => void;
}

const SEVERITY_HELP = [
	'1  SEV-1 critical: data loss, security breach, system down',
	'2  SEV-2 major: a feature broken or badly degraded',
	'3  SEV-3 minor: a glitch or cosmetic issue',
];

export function StartScreen({context, onOpened}: StartScreenProps) {
	const {exit} = useApp();
	const formRef = useRef<StartForm>(initialStartForm(context.handle));
	const [form, setForm] = useState<StartForm>(formRef.current);
	useKeyHandler((press, pressedAt) => {
		const {form: next, effect} = handleStartKey(formRef.current, press, pressedAt);
		let after = next;
		if (effect?.type === 'quit') {
			exit();
			return;
		}
		if (effect?.type === 'open') {
			try {
				const {incidentId} = openIncident({...context, now: () => effect.at}, effect);
				onOpened(incidentId);
				return;
			} catch (error) {
				after = {...next, error: error instanceof Error ? error.message : String(error)};
			}
		}
		formRef.current = after;
		setForm(after);
	});

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
