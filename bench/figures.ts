export interface BenchFigure {
	name: string;
	value: number;
	unit: 'ms';
	/** A baseline measured in the same run, on the same machine. */
	compare?: {name: string; value: number};
}

export function percentile(samples: readonly number[], p: number): number {
	const sorted = [...samples].sort((a, b) => a - b);
	const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
	return sorted[index] ?? Number.NaN;
}

export function formatFigure(figure: BenchFigure): string {
	const value = `${figure.value.toFixed(3)} ${figure.unit}`;
	if (!figure.compare) return `${figure.name.padEnd(56)} ${value}`;
	const ratio = figure.value / figure.compare.value;
	return `${figure.name.padEnd(56)} ${value}   vs ${figure.compare.name} ${figure.compare.value.toFixed(3)} ${figure.unit} (${ratio.toFixed(2)}x)`;
}
