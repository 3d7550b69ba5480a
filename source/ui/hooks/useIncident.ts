import {useCallback, useEffect, useMemo, useState} from 'react';
import type {IncidentStore, IncidentView} from '../screen-services.js';

/** Events appended by another process appear within this long, without a key press. */
const POLL_MS = 300;

export interface IncidentSnapshot extends IncidentView {
	/** Reads what was appended since the last look; the screen calls it right after its own append. */
	refresh: () => void;
}

export function useIncident(store: IncidentStore, incidentId: string): IncidentSnapshot {
	const feed = useMemo(() => store.follow(incidentId), [store, incidentId]);
	const [view, setView] = useState(feed.first);
	const refresh = useCallback(() => {
		const next = feed.poll();
		if (next) setView(next);
	}, [feed]);
	useEffect(() => {
		const timer = setInterval(refresh, POLL_MS);
		return () => clearInterval(timer);
	}, [refresh]);
	return {...view, refresh};
}
