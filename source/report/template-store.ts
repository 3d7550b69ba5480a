import {existsSync, readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {builtInTemplatesDir} from '../config/package-root.js';
import {TemplateError} from './template-engine.js';

// Report templates: the built-in ones in the package's templates/, overridden
// (or added to) by the repository's docs/templates/NAME.md.

const NOT_A_REPORT = new Set(['runbook', 'status-update']);
const NAME_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

export interface TemplateSource {
	name: string;
	file: string;
	source: string;
}

function namesIn(dir: string): string[] {
	if (!existsSync(dir)) return [];
	return readdirSync(dir)
		.filter(file => file.endsWith('.md'))
		.map(file => file.slice(0, -3))
		.filter(name => NAME_PATTERN.test(name) && !NOT_A_REPORT.has(name));
}

export function templateNames(docsDir: string): string[] {
	return [...new Set([...namesIn(builtInTemplatesDir()), ...namesIn(join(docsDir, 'templates'))])].sort();
}

/** A report template, or with `purpose: 'any'` another template such as status-update. */
export function findTemplate(docsDir: string, name: string, purpose: 'report' | 'any' = 'report'): TemplateSource {
	if (!NAME_PATTERN.test(name) || (purpose === 'report' && NOT_A_REPORT.has(name))) {
		throw new TemplateError(`"${name}" is not a template name; templates are ${templateNames(docsDir).join(', ')}`);
	}
	for (const dir of [join(docsDir, 'templates'), builtInTemplatesDir()]) {
		const file = join(dir, `${name}.md`);
		if (existsSync(file)) return {name, file, source: readFileSync(file, 'utf8')};
	}
	throw new TemplateError(`no template "${name}"; templates are ${templateNames(docsDir).join(', ')}`);
}
