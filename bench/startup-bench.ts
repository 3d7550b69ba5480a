import {spawn} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {percentile, type BenchFigure} from './figures.js';

const distDir = fileURLToPath(new URL('.', import.meta.url));

/**
 * Milliseconds from spawning `node <script>` in a pseudo-terminal (util-linux
 * `script`) until `marker` appears in what it draws: the first full frame.
 */
function timeToMarker(args: string[], marker: string, cwd: string, env: NodeJS.ProcessEnv): Promise<number> {
	return new Promise((resolve, reject) => {
		// `script` gives a pty with no size; both programs get the same 120x40.
		const command = `stty cols 120 rows 40; ${[process.execPath, ...args].map(arg => `'${arg}'`).join(' ')}`;
		const began = performance.now();
		const child = spawn('script', ['-qfec', command, '/dev/null'], {cwd, env, stdio: ['pipe', 'pipe', 'ignore']});
		let output = '';
		const timer = setTimeout(() => {
			child.kill('SIGKILL');
			reject(new Error(`no "${marker}" within 10 s`));
		}, 10_000);
		child.stdout.on('data', (chunk: Buffer) => {
			output += chunk.toString('utf8');
			if (!output.includes(marker)) return;
			const elapsed = performance.now() - began;
			clearTimeout(timer);
			child.kill('SIGKILL');
			resolve(elapsed);
		});
	});
}

/** Milliseconds from spawn to exit. */
function timeExit(command: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<number> {
	return new Promise((resolve, reject) => {
		const began = performance.now();
		const child = spawn(command[0]!, command.slice(1), {cwd, env, stdio: 'ignore'});
		child.on('error', reject);
		child.on('exit', code => (code === 0 ? resolve(performance.now() - began) : reject(new Error(`${command.join(' ')} exited ${code}`))));
	});
}

export async function startupFigures(runs = 10): Promise<BenchFigure[]> {
	const repo = mkdtempSync(join(tmpdir(), 'incident-tui-bench-start-'));
	const env = {...process.env, CI: 'false', NO_COLOR: '1', INCIDENT_TUI_CONFIG_DIR: join(repo, '.config')};
	try {
		const cli = join(distDir, 'cli.js');
		await timeToMarker([cli, 'new', 'Bench', '--sev', '2'], 'Opened', repo, env);
		const live: number[] = [];
		const minimal: number[] = [];
		for (let run = 0; run < runs; run++) {
			minimal.push(await timeToMarker([join(distDir, 'minimal-ink-app.js')], 'minimal ink app ready', repo, env));
			// A full frame: the runbook's checklist drawn, not only the header.
			live.push(await timeToMarker([cli], '1/5 Detection', repo, env));
		}
		const log: number[] = [];
		const bare: number[] = [];
		for (let run = 0; run < runs; run++) {
			bare.push(await timeExit([process.execPath, '-e', '0'], repo, env));
			log.push(await timeExit([process.execPath, cli, 'log', `bench ${run}`], repo, env));
		}
		return [
			{name: `incident-tui log, end to end (median of ${runs})`, value: percentile(log, 50), unit: 'ms', compare: {name: 'node -e 0', value: percentile(bare, 50)}},
			{
				name: `start to first live frame (median of ${runs})`,
				value: percentile(live, 50),
				unit: 'ms',
				compare: {name: 'minimal Ink app', value: percentile(minimal, 50)},
			},
		];
	} finally {
		rmSync(repo, {recursive: true, force: true});
	}
}
