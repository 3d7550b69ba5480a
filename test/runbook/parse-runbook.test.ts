import {mkdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {builtInRunbook, loadRunbook} from '../../source/runbook/load-runbook.js';
import {parseRunbook, parseTarget} from '../../source/runbook/parse-runbook.js';
import {makeTempDir} from '../helpers/temp-dir.js';

// The shape of the house runbook (seeds/runbook.md): severity sections with an
// Aspect / Requirement table, and phases whose checklists sit in code fences.
const HOUSE_STYLE = `# Ops Runbook

## Severity Definitions

### SEV-1 — Critical 🔴

**Definition:** Everything is down.

| Aspect            | Requirement                |
| ----------------- | -------------------------- |
| Response Time     | **Immediate** — drop it all |
| Resolution Target | ASAP (hours, not days)     |
| Communication     | Tell everyone              |

### SEV-2 — Major 🟠

| Aspect        | Requirement    |
| ------------- | -------------- |
| Response Time | Within 1 hour  |

---

## The Response Protocol

### Phase 1: Detection & Triage (0-5 min)

\`\`\`
1. [ ] Assign severity (SEV-1/2/3)
2. [ ] If SEV-1: Notify stakeholders
\`\`\`

### Phase 2: Closure (The Invariant)

\`\`\`
1. [ ] Add test that prevents recurrence
   OR
   [ ] Add monitor that detects faster
2. [ ] Update docs/INCIDENT_LOG.md
\`\`\`

## Post-Mortem Template (SEV-1/2)

1. What happened?
`;

describe('parseRunbook', () => {
	it('reads severities, targets and fenced phase checklists in the house style', () => {
		const runbook = parseRunbook(HOUSE_STYLE, 'RUNBOOK.md');
		expect(runbook.severities).toEqual([
			{
				severity: 1,
				name: 'Critical',
				definition: 'Everything is down.',
				responseTarget: {text: 'Immediate — drop it all', ms: 0},
				resolutionTarget: {text: 'ASAP (hours, not days)'},
				communication: 'Tell everyone',
			},
			{severity: 2, name: 'Major', responseTarget: {text: 'Within 1 hour', ms: 3_600_000}},
		]);
		expect(runbook.phases.map(p => [p.name, p.hint, p.items.map(i => i.label)])).toEqual([
			['Detection & Triage', '0-5 min', ['Assign severity (SEV-1/2/3)', 'If SEV-1: Notify stakeholders']],
			['Closure', 'The Invariant', ['Add test that prevents recurrence', 'Add monitor that detects faster', 'Update docs/INCIDENT_LOG.md']],
		]);
	});

	it('reads task lists with nested sub-steps and Markdown in the labels', () => {
		const runbook = parseRunbook('## Phase 1: Triage\n\n- [ ] **Acknowledge:** say so\n- [ ] Contain\n  - [ ] Roll back `v2`\n', 'r.md');
		expect(runbook.phases[0]!.items).toEqual([
			{key: 'triage/acknowledge', label: 'Acknowledge: say so', depth: 0},
			{key: 'triage/contain', label: 'Contain', depth: 0},
			{key: 'triage/contain/roll-back-v2', label: 'Roll back v2', depth: 1},
		]);
	});

	it('gives repeated items distinct keys', () => {
		const runbook = parseRunbook('## Checks\n\n- [ ] Check logs\n- [ ] Check logs\n', 'r.md');
		expect(runbook.phases[0]!.items.map(i => i.key)).toEqual(['checks/check-logs', 'checks/check-logs-2']);
	});

	it('refuses a runbook with no checklist, naming the file and line', () => {
		expect(() => parseRunbook('# Notes\n\nJust prose.\n', 'docs/RUNBOOK.md')).toThrow(
			/^docs\/RUNBOOK\.md:1: no checklist found/,
		);
	});

	it('reads the built-in runbook: five phases, the immediate actions first', () => {
		const runbook = builtInRunbook();
		expect(runbook.phases.map(p => p.name)).toEqual(['Detection & Triage', 'Investigation', 'Mitigation', 'Permanent Fix', 'Closure']);
		expect(runbook.phases[0]!.items.map(i => i.key)).toContain('detection-and-triage/acknowledge');
		expect(runbook.severities.map(s => s.responseTarget?.ms)).toEqual([0, 1_800_000, 86_400_000]);
	});

	it('reads targets in minutes, hours and days', () => {
		expect(parseTarget('Within 30 minutes').ms).toBe(1_800_000);
		expect(parseTarget('within 2 days').ms).toBe(172_800_000);
		expect(parseTarget('Next sprint').ms).toBeUndefined();
	});
});

describe('loadRunbook', () => {
	it("uses the repository's runbook, or says in one line why not and falls back", () => {
		const docsDir = makeTempDir();
		expect(loadRunbook(docsDir)).toEqual({runbook: builtInRunbook()});
		mkdirSync(docsDir, {recursive: true});
		writeFileSync(join(docsDir, 'RUNBOOK.md'), HOUSE_STYLE);
		expect(loadRunbook(docsDir).runbook.phases).toHaveLength(2);
		writeFileSync(join(docsDir, 'RUNBOOK.md'), '# Empty\n');
		const broken = loadRunbook(docsDir);
		expect(broken.problem).toMatch(/RUNBOOK\.md:1: no checklist found.*; using the built-in runbook$/);
		expect(broken.problem).not.toContain('\n');
		expect(broken.runbook.phases).toHaveLength(5);
	});
});

describe('loadRunbookCached', () => {
	it('gives the parsed runbook, and notices when the repository runbook changes', async () => {
		const {loadRunbookCached} = await import('../../source/runbook/cached-runbook.js');
		const docsDir = makeTempDir();
		expect((await loadRunbookCached(docsDir)).runbook.phases).toHaveLength(5);
		expect((await loadRunbookCached(docsDir)).runbook.phases).toHaveLength(5);
		writeFileSync(join(docsDir, 'RUNBOOK.md'), HOUSE_STYLE);
		expect((await loadRunbookCached(docsDir)).runbook.phases).toHaveLength(2);
		writeFileSync(join(docsDir, 'RUNBOOK.md'), '# Empty\n');
		expect((await loadRunbookCached(docsDir)).problem).toMatch(/no checklist found/);
	});
});
