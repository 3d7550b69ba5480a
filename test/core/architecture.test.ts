import {readdirSync, readFileSync} from 'node:fs';
import {expect, it} from 'vitest';

// The flow of DESIGN.md: the core decides and imports neither React, Ink, Node
// I/O nor any outer layer; screens never touch files or git directly.

const dir = (path: string) => new URL(`../../source/${path}/`, import.meta.url);
const importsOf = (path: string) =>
	readdirSync(dir(path), {recursive: true, encoding: 'utf8'})
		.filter(file => /\.tsx?$/.test(file))
		.flatMap(file => [...readFileSync(new URL(file, dir(path)), 'utf8').matchAll(/from '([^']+)'/g)].map(match => `${path}/${file}: ${match[1]}`));

it('keeps the core free of React, Ink, Node I/O and the outer layers', () => {
	expect(importsOf('core').filter(line => /: (node:|react|ink|\.\.\/(journal|commands|git|ui|report|runbook|config|cli))/.test(line))).toEqual([]);
});

it('keeps screens and components away from files and git', () => {
	const drawing = [...importsOf('ui/screens'), ...importsOf('ui/components')];
	expect(drawing.filter(line => /: (node:fs|simple-git|.*\/journal\/append-event|.*\/git\/)/.test(line))).toEqual([]);
});
