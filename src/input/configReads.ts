// What a config reads of a lead: fact paths and event types, found by walking its JSON (conditions
// in criteria, stages, scoring rules and blockers all name them the same way: `fact`, `event`).

/** The fact paths and event types a config reads, in the order first met. */
export interface ConfigReads {
  readonly facts: readonly string[];
  readonly events: readonly string[];
}

const MAX_NODES = 100_000;

/** Walks a config's JSON (iteratively, bounded) for `fact` and `event` keys of conditions. */
export function configReads(config: unknown): ConfigReads {
  const facts = new Set<string>();
  const events = new Set<string>();
  // breadth first, in document order: criteria before stages, as a person reads the config
  const queue: unknown[] = [config];
  for (let next = 0; next < queue.length && next < MAX_NODES; next++) {
    const node = queue[next];
    if (node === null || typeof node !== 'object') continue;
    if (Array.isArray(node)) {
      for (const item of node) queue.push(item);
      continue;
    }
    const record = node as Record<string, unknown>;
    if (typeof record.fact === 'string') facts.add(record.fact);
    const event = record.event;
    if (typeof event === 'string') events.add(event);
    else if (Array.isArray(event)) for (const type of event) if (typeof type === 'string') events.add(type);
    for (const key of Object.keys(record)) {
      // `facts` declarations and `examples` leads are not conditions
      if (key === 'examples' || key === 'facts' || key === 'label' || key === 'description') continue;
      queue.push(record[key]);
    }
  }
  return { facts: [...facts], events: [...events] };
}
