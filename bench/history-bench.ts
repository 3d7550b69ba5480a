import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {FULL_FRAME, makeIncidentWorkspace, type IncidentWorkspace} from './incident-fixture.js';
import {median} from './figures.js';
import {cliCommand, interleaved, pause, PtySession, timeCommands, timeToFrame} from './processes.js';
import type {Measured} from './rows.js';

// The cost of history: each command on a 100,000-event incident against the
// same command on a 10-event one, taken in turn. The journals are generated
// once per run; the warm-up run of each command (not counted) builds the
// derived checkpoints in the bench's private cache, as a responder's first
// command after a long incident would.

async function withWorkspaces<T>(work: (large: IncidentWorkspace, small: IncidentWorkspace) => Promise<T>): Promise<T> {
	const base = mkdtempSync(join(tmpdir(), 'incident-tui-bench-history-'));
	try {
		const small = makeIncidentWorkspace(join(base, 'small'), 10);
		const large = makeIncidentWorkspace(join(base, 'large'), 100_000);
		return await work(large, small);
	} finally {
		rmSync(base, {recursive: true, force: true});
	}
}

/** `report` at 100,000 events takes seconds: it gets fewer runs to keep the bench within its minutes. */
export function historyFigures(runs = 5, reportRuns = 3): Promise<Measured[]> {
	return withWorkspaces(async (large, small) => {
		const resume = (workspace: IncidentWorkspace) => () => timeToFrame(cliCommand(), FULL_FRAME, workspace.dir, workspace.env);
		const exit = (args: string[], workspace: IncidentWorkspace) => () => timeCommands([cliCommand(...args)], workspace.dir, workspace.env);
		const both = (count: number, args: string[]) => interleaved(count, exit(args, large), exit(args, small));
		// Resume first: its frame waits for the seeded newest event, which a `log` would push down.
		return [
			{id: 'history-resume', ...(await interleaved(runs, resume(large), resume(small)))},
			{id: 'history-list', ...(await both(runs, ['list']))},
			{id: 'history-report', ...(await both(reportRuns, ['report', '--stdout']))},
			{id: 'history-log', ...(await both(runs, ['log', 'bench note']))},
		];
	});
}

/** Enter on a typed note until "Logged note" is drawn, in the real screen. */
async function timeEnter(session: PtySession, note: number): Promise<number> {
	let from = session.mark;
	session.write('n');
	await session.waitFor(['Note @'], from);
	const text = `bench note ${note}.`;
	from = session.mark;
	session.write(text);
	await session.waitFor([text], from);
	from = session.mark;
	const began = performance.now();
	session.write('\r');
	return (await session.waitFor(['Logged note at'], from)) - began;
}

/**
 * Both screens stay open side by side and take Enters in turn. Measured in a
 * pty, not in process: the frame has to reach the terminal.
 */
export function enterFigures(runs = 15): Promise<Measured[]> {
	return withWorkspaces(async (large, small) => {
		const sessions = [large, small].map(workspace => new PtySession(cliCommand(), workspace.dir, workspace.env));
		try {
			await Promise.all(sessions.map(session => session.waitFor(FULL_FRAME)));
			// The key router subscribes in an effect after the first frame.
			await pause(300);
			const [largeSession, smallSession] = sessions as [PtySession, PtySession];
			const samples: number[] = [];
			const baseline: number[] = [];
			for (let run = -1; run < runs; run++) {
				const ten = await timeEnter(smallSession, run);
				const hundredThousand = await timeEnter(largeSession, run);
				if (run < 0) continue;
				baseline.push(ten);
				samples.push(hundredThousand);
			}
			return [{id: 'enter', value: median(samples), samples, baseline: {value: median(baseline), samples: baseline}}];
		} finally {
			await Promise.all(sessions.map(session => session.close()));
		}
	});
}
