import {useCallback, useEffect, useMemo, useState} from 'react';
import type {IncidentStore, IncidentView} from '../screen-services.js';

/** Events appended by another process appear within this long, without a key press. */
const POLL_MS = 300;

export interface IncidentSnapshot extends IncidentView {
	/**
	 * Reads what was appended since the last look; the screen calls it right after
	 * its own append. Returns the incident when it changed, so a key typed ahead of
	 * the next frame acts on it (a result for the hypothesis just added).
	 */
	refresh: () => IncidentView | undefined;
}

export function useIncident(store: IncidentStore, incidentId: string): IncidentSnapshot {
	const feed = useMemo(() => store.follow(incidentId), [store, incidentId]);
	const [view, setView] = useState(feed.first);
	const refresh = useCallback(() => {
		const next = feed.poll();
		if (next) setView(next);
		return next;
	}, [feed]);
	useEffect(() => {
		// After the first frame is drawn: the older timeline entries of a long incident.
		const completing = setTimeout(() => {
			const whole = feed.complete();
			if (whole) setView(whole);
		}, 0);
		const timer = setInterval(refresh, POLL_MS);
		return () => {
			clearTimeout(completing);
			clearInterval(timer);
		};
	}, [feed, refresh]);
	useEffect(() => () => feed.stop(), [feed]);
	return {...view, refresh};
}
