import {useEffect, useState} from 'react';

/** The current time, re-read every `intervalMs`: the ticking clock and elapsed time. */
export function useNow(now: () => Date, intervalMs = 1000): Date {
	const [current, setCurrent] = useState(now);
	useEffect(() => {
		const timer = setInterval(() => setCurrent(now()), intervalMs);
		return () => clearInterval(timer);
	}, [now, intervalMs]);
	return current;
}
