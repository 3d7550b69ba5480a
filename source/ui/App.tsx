import {useState} from 'react';
import type {CommandContext} from '../commands/command-context.js';
import type {LoadedRunbook} from '../runbook/load-runbook.js';
import {KeyRouter} from './hooks/useKeyRouter.js';
import type {ScreenServices} from './screen-services.js';
import {LiveScreen} from './screens/LiveScreen.js';
import {PickerScreen} from './screens/PickerScreen.js';
import {StartScreen} from './screens/StartScreen.js';
import type {IncidentSummary} from '../commands/list-incidents.js';

interface AppProps {
	context: CommandContext;
	/** The incident to show; when absent, a pick of `openIncidents` or the start screen. */
	incidentId?: string;
	openIncidents?: readonly IncidentSummary[];
	runbook: LoadedRunbook;
	services: ScreenServices;
	autoSync: number;
	handoverHours: number;
}

export function App({context, incidentId: resumeId, openIncidents = [], runbook, services, autoSync, handoverHours}: AppProps) {
	const [incidentId, setIncidentId] = useState(resumeId ?? (openIncidents.length === 1 ? openIncidents[0]!.id : undefined));
	const [picking, setPicking] = useState(openIncidents.length > 1 && resumeId === undefined);
	return (
		<KeyRouter now={context.now}>
			{picking ? (
				<PickerScreen
					incidents={openIncidents}
					now={context.now()}
					onResume={id => {
						setIncidentId(id);
						setPicking(false);
					}}
					onNew={() => setPicking(false)}
				/>
			) : incidentId ? (
				<LiveScreen context={context} incidentId={incidentId} runbook={runbook} services={services} autoSync={autoSync} handoverHours={handoverHours} />
			) : (
				<StartScreen handle={context.handle} store={services.store} onOpened={setIncidentId} />
			)}
		</KeyRouter>
	);
}
