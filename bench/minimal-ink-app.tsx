// The baseline for start-up: the smallest Ink app, bundled like ours.
import {render, Text} from 'ink';

render(<Text>minimal ink app ready</Text>);
setTimeout(() => process.exit(0), 5000);
