import type {CommandContext} from './command-context.js';
import {loadRunbook} from '../runbook/load-runbook.js';
import {renderStatusUpdate} from '../report/status-update.js';
import {TemplateError} from '../report/template-engine.js';
import {findTemplate} from '../report/template-store.js';
import {UserError} from './command-errors.js';
import {findIncident} from './find-incident.js';

/**
 * The draft of a stakeholder update from the incident as it stands
 * (templates/status-update.md, or the repository's). `sentAt` is when it goes
 * out, if not now (`update --at`): the next update is due one interval after it.
 */
export function draftStatusUpdate(context: CommandContext, incidentId?: string, sentAt = context.now()): {incidentId: string; text: string} {
	const {state} = findIncident(context.docsDir, incidentId);
	try {
		const text = renderStatusUpdate(findTemplate(context.docsDir, 'status-update', 'any'), state, loadRunbook(context.docsDir).runbook, sentAt);
		return {incidentId: state.id, text};
	} catch (error) {
		if (error instanceof TemplateError) throw new UserError(error.message);
		throw error;
	}
}
