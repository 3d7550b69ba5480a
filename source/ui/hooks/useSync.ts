import {useCallback, useEffect, useRef, useState} from 'react';

export type Sync = () => Promise<string>;

export interface SyncStatus {
	lastSyncedAt?: Date;
	/** Why the last sync failed (offline, no remote); cleared by the next success. */
	problem?: string;
	running: boolean;
}

/**
 * Runs sync in the background every `intervalSeconds` (0: only when asked),
 * never two at once; typing goes on meanwhile, since git runs in child processes.
 */
export function useSync(sync: Sync, intervalSeconds: number, now: () => Date): {status: SyncStatus; run: Sync} {
	const [status, setStatus] = useState<SyncStatus>({running: false});
	const running = useRef(false);
	const run = useCallback(async () => {
		if (running.current) return 'a sync is already running';
		running.current = true;
		setStatus(current => ({...current, running: true}));
		try {
			const message = await sync();
			setStatus({lastSyncedAt: now(), running: false});
			return message;
		} catch (error) {
			const problem = error instanceof Error ? error.message : String(error);
			setStatus(current => ({...current, problem, running: false}));
			throw error;
		} finally {
			running.current = false;
		}
	}, [sync, now]);
	useEffect(() => {
		if (intervalSeconds <= 0) return;
		const timer = setInterval(() => {
			run().catch(() => undefined);
		}, intervalSeconds * 1000);
		return () => clearInterval(timer);
	}, [run, intervalSeconds]);
	return {status, run};
}
