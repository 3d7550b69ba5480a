// Run in a child process by the concurrency test: appends N events to one
// journal as fast as it can, through the same code path as the app.
import {monotonicFactory} from 'ulid';
import {buildEvent} from '../../source/core/build-event.js';
import {appendEvent} from '../../source/journal/append-event.js';

const [journalPath, author, countText] = process.argv.slice(2);
const ulid = monotonicFactory();
for (let index = 0; index < Number(countText); index++) {
	const at = new Date();
	const event = buildEvent(
		{type: 'note.logged', kind: 'note', text: `${author} ${index} ${'x'.repeat(index % 300)}`},
		{id: ulid(at.getTime()), at, author: author!},
	);
	appendEvent(journalPath!, event);
}
