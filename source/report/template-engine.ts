import Handlebars from 'handlebars';
import {escapeBlock, escapeCell, escapeCode, escapeInline} from './markdown-escape.js';

// Handlebars, with Markdown-aware escaping instead of HTML escaping:
//   {{x}}         inline text, escaped (the default for anything a template prints)
//   {{inline x}}  inline text, or "_not recorded_"
//   {{cell x}}    a table cell, or "not recorded"
//   {{block x}}   a multi-line paragraph, or "_not recorded_"
//   {{code x}}    an inline code span, or "_not recorded_"
//   {{todo "what"}} "_TODO(review): what_": an answer skipped in the wizard, said once
//   {{{diagram}}} the generated Mermaid source (already safe)
//   (eq a b)      comparison for {{#if}}
//   (or a b …)    the first of them that is present, for {{#if}}
// Templates cannot run code, so a repository's own templates are safe to load.

export const NOT_RECORDED = 'not recorded';

export class TemplateError extends Error {
	override name = 'TemplateError';
}

const engine = Handlebars.create();
// Handlebars shares its Utils object between environments: this process renders Markdown only.
engine.Utils.escapeExpression = (value: unknown) => {
	if (value instanceof engine.SafeString) return value.toHTML();
	return value === undefined || value === null ? '' : escapeInline(String(value));
};

const present = (value: unknown): value is string | number => value !== undefined && value !== null && String(value).trim() !== '';
const safe = (markdown: string) => new engine.SafeString(markdown);
const missing = (italic: boolean) => safe(italic ? `_${NOT_RECORDED}_` : NOT_RECORDED);

engine.registerHelper('inline', (value: unknown) => (present(value) ? safe(escapeInline(String(value))) : missing(true)));
engine.registerHelper('cell', (value: unknown) => (present(value) ? safe(escapeCell(String(value))) : missing(false)));
engine.registerHelper('block', (value: unknown) => (present(value) ? safe(escapeBlock(String(value))) : missing(true)));
engine.registerHelper('code', (value: unknown) => (present(value) ? safe(escapeCode(String(value))) : missing(true)));

engine.registerHelper('todo', (what: unknown) => safe(`_TODO(review): ${escapeInline(String(what))}_`));

engine.registerHelper('eq', (left: unknown, right: unknown) => left === right);
// Handlebars passes its options object last: it is not one of the values.
engine.registerHelper('or', (...values: unknown[]) => values.slice(0, -1).find(value => present(value) || (Array.isArray(value) && value.length > 0)));

export type CompiledTemplate = (data: object) => string;

/**
 * Compiles a template; a syntax error becomes one line naming the file and
 * line. `plain` output (a stakeholder update, not Markdown) skips escaping.
 */
export function compileTemplate(source: string, file: string, output: 'markdown' | 'plain' = 'markdown'): CompiledTemplate {
	let program: hbs.AST.Program;
	try {
		program = engine.parse(source);
	} catch (error) {
		const message = error instanceof Error ? error.message : String(error);
		const line = /line (\d+)/.exec(message)?.[1];
		const expected = /got '([^']+)'/.exec(message)?.[1];
		throw new TemplateError(`${file}${line ? `:${line}` : ''}: template syntax error${expected ? ` (unexpected ${expected})` : ''}`);
	}
	// The parsed program, not the source: compiling the source would parse it a second time.
	const template = engine.compile(program, {strict: false, noEscape: output === 'plain'});
	return data => {
		try {
			return template(data);
		} catch (error) {
			throw new TemplateError(`${file}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
		}
	};
}
