import {mkdirSync, readdirSync, utimesSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {expect, it} from 'vitest';
import {writeDocument} from '../../source/commands/write-report.js';
import {makeTempDir} from '../helpers/temp-dir.js';

// `docs/.INCIDENT_LOG.md.<pid>.tmp` and `.<report>.md.<pid>.tmp`: gone when a
// write fails, and cleaned up at the next write when a killed process left one.

/** Beyond Linux's pid_max (2^22): no process can have it. */
const DEAD_PID = 4_194_305;

it('removes its temporary file when the write fails', () => {
	const dir = makeTempDir();
	const target = join(dir, 'INCIDENT_LOG.md');
	// A directory in the way makes the rename fail after the temporary file was written.
	mkdirSync(join(target, 'in-the-way'), {recursive: true});
	expect(() => writeDocument(target, '# Incident Log\n')).toThrow(/^could not write .*INCIDENT_LOG\.md: /);
	expect(readdirSync(dir)).toEqual(['INCIDENT_LOG.md']);
});

it('cleans temporary files of dead processes and old ones at the next write, and leaves a live writer alone', () => {
	const dir = makeTempDir();
	const dead = `.INCIDENT_LOG.md.${DEAD_PID}.tmp`;
	const abandoned = `.2026-11-23-01_checkout.md.${process.ppid}.tmp`;
	const live = `.2026-11-23-02_login.md.${process.ppid}.tmp`;
	const notOurs = '.editor-swap.tmp';
	for (const name of [dead, abandoned, live, notOurs]) writeFileSync(join(dir, name), 'half a report');
	const anHourAgo = new Date(Date.now() - 3_600_000);
	utimesSync(join(dir, abandoned), anHourAgo, anHourAgo);

	writeDocument(join(dir, 'INCIDENT_LOG.md'), '# Incident Log\n');
	expect(readdirSync(dir).sort()).toEqual([live, notOurs, 'INCIDENT_LOG.md'].sort());
});
