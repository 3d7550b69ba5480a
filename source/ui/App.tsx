import {useState} from 'react';
import type {CommandContext} from '../commands/command-context.js';
import type {LoadedRunbook} from '../runbook/load-runbook.js';
import {KeyRouter} from './hooks/useKeyRouter.js';
import type {Publish} from './hooks/useLiveController.js';
import type {Sync} from './hooks/useSync.js';
import {LiveScreen} from './screens/LiveScreen.js';
import {StartScreen} from './screens/StartScreen.js';

interface AppProps {
	context: CommandContext;
	/** The open incident to resume; the start screen opens one when absent. */
	incidentId?: string;
	runbook: LoadedRunbook;
	/** Renders, logs and commits the report (git is loaded only when asked). */
	publish: Publish;
	sync: Sync;
	autoSync: number;
	handoverHours: number;
}

export function App({context, incidentId: resumeId, runbook, publish, sync, autoSync, handoverHours}: AppProps) {
	const [incidentId, setIncidentId] = useState(resumeId);
	return (
		<KeyRouter now={context.now}>
			{incidentId ? (
				<LiveScreen context={context} incidentId={incidentId} runbook={runbook} publish={publish} sync={sync} autoSync={autoSync} handoverHours={handoverHours} />
			) : (
				<StartScreen context={context} onOpened={setIncidentId} />
			)}
		</KeyRouter>
	);
}
