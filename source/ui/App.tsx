import {useState} from 'react';
import type {CommandContext} from '../commands/command-context.js';
import {KeyRouter} from './hooks/useKeyRouter.js';
import {LiveScreen} from './screens/LiveScreen.js';
import {StartScreen} from './screens/StartScreen.js';

interface AppProps {
	context: CommandContext;
	/** The open incident to resume; the start screen opens one when absent. */
	incidentId?: string;
}

export function App({context, incidentId: resumeId}: AppProps) {
	const [incidentId, setIncidentId] = useState(resumeId);
	return (
		<KeyRouter now={context.now}>
			{incidentId ? (
				<LiveScreen context={context} incidentId={incidentId} />
			) : (
				<StartScreen context={context} onOpened={setIncidentId} />
			)}
		</KeyRouter>
	);
}
