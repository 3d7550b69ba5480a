import {renderIncidentReport, writeDocument} from '../commands/write-report.js';
import type {CliSetup} from './cli-setup.js';
import {print, shownPath, warn} from './output.js';

export interface ReportFlags {
	template?: string;
	stdout?: boolean;
}

export function reportCommand(setup: CliSetup, args: string[], flags: ReportFlags): void {
	const template = flags.template ?? setup.settings.template;
	const report = renderIncidentReport(setup.workspace.docsDir, args[0], template, setup.context.now());
	for (const line of report.warnings) warn(line);
	if (flags.stdout) {
		// print keeps it exact into a pipe and makes it display-safe on a terminal.
		print(report.markdown.replace(/\n$/, ''));
		return;
	}
	writeDocument(report.path, report.markdown);
	print(`Wrote ${shownPath(report.path)} (${template}) for ${report.incidentId}`);
}
