// CPU-time measurement for the benches: interleaved rounds, ratios to a baseline taken in the same round,
// medians. Never a bare time.

/** CPU time (user + system) of one call, in ms. */
export function cpuMs(run) {
  const start = process.cpuUsage();
  run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/**
 * Runs every `implementations[name]` (a function of no argument doing one round's work) once per round,
 * in an order that rotates each round, and returns, per name, the median over rounds of its speed relative
 * to `baseline` in the same round (> 1: faster than the baseline).
 */
export function speedRatios(implementations, baseline, rounds) {
  const names = Object.keys(implementations);
  const perRound = Object.fromEntries(names.map((name) => [name, []]));
  for (let round = 0; round < rounds; round++) {
    const times = {};
    for (let offset = 0; offset < names.length; offset++) {
      const name = names[(round + offset) % names.length];
      times[name] = cpuMs(implementations[name]);
    }
    for (const name of names) perRound[name].push(times[baseline] / times[name]);
  }
  return Object.fromEntries(names.map((name) => [name, median(perRound[name])]));
}
