export interface ChecklistItem {
	/** Stable key stored in tick events; an item whose key ends in `acknowledge` is the acknowledgement. */
	key: string;
	label: string;
	/** 0 for an action, 1 for one of its sub-steps. */
	depth: number;
}
