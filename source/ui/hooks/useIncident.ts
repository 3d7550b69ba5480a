import {basename} from 'node:path';
import {useCallback, useEffect, useMemo, useState} from 'react';
import type {IncidentState} from '../../core/incident-state.js';
import {reduceIncident} from '../../core/reducer.js';
import {JournalFollower} from '../../journal/journal-follower.js';
import {eventsDirOf} from '../../journal/journal-paths.js';
import {quarantineDamagedLines, type DamagedLine} from '../../journal/read-journal.js';

/** Events appended by another process appear within this long, without a key press. */
const POLL_MS = 300;

export interface IncidentSnapshot {
	state: IncidentState;
	damaged: readonly DamagedLine[];
	/** Journal files that were deleted under us and written again from memory. */
	restored: readonly string[];
	/** Reads what was appended since the last look; the screen calls it right after its own append. */
	refresh: () => void;
}

export function useIncident(docsDir: string, incidentId: string): IncidentSnapshot {
	const follower = useMemo(() => new JournalFollower(eventsDirOf(docsDir, incidentId)), [docsDir, incidentId]);
	const [snapshot, setSnapshot] = useState(() => {
		follower.poll();
		return {state: reduceIncident(incidentId, follower.events), damaged: [...follower.damaged], restored: [] as string[]};
	});
	const refresh = useCallback(() => {
		const restored = follower.restoreDeletedFiles().map(
			file => `${basename(file.file)} was deleted; ${file.lines} lines written back`,
		);
		const knownDamage = follower.damaged.length;
		if (!follower.poll() && restored.length === 0) return;
		if (follower.damaged.length > knownDamage) quarantineDamagedLines(follower.damaged.slice(knownDamage));
		setSnapshot(current => ({
			state: reduceIncident(incidentId, follower.events),
			damaged: [...follower.damaged],
			restored: [...current.restored, ...restored],
		}));
	}, [follower, incidentId]);
	useEffect(() => {
		if (follower.damaged.length > 0) quarantineDamagedLines(follower.damaged);
		const timer = setInterval(refresh, POLL_MS);
		return () => clearInterval(timer);
	}, [follower, refresh]);
	return {...snapshot, refresh};
}
