// The immediate actions every incident starts with (the first part of
// seeds/incident-response.md). A runbook can replace them.

export interface ChecklistItem {
	/** Stable key stored in tick events; `acknowledge` is what time-to-acknowledge reads. */
	key: string;
	label: string;
	/** 0 for an action, 1 for one of its sub-steps. */
	depth: number;
}

export const IMMEDIATE_ACTIONS: readonly ChecklistItem[] = [
	{key: 'acknowledge', label: 'Acknowledge: confirm the incident where responders gather', depth: 0},
	{key: 'assess', label: 'Assess scope: localized or global? check user impact', depth: 0},
	{key: 'contain', label: 'Contain: stop the harm', depth: 0},
	{key: 'contain/rollback', label: 'Roll back if a recent change was made', depth: 1},
	{key: 'contain/feature-flags', label: 'Turn off feature flags / kill switches', depth: 1},
	{key: 'contain/isolate', label: 'Isolate the affected cell or shard', depth: 1},
	{key: 'communicate', label: 'Communicate: update the status page (internal/external)', depth: 0},
];
