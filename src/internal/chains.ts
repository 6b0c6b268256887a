/** What {@link chainsOf} finds in a graph of references. */
export interface Chains {
  /** Each loop found, as the path that closes it: `a → b → a` is `['a', 'b', 'a']`. */
  readonly loops: ReadonlyArray<readonly string[]>;
  /** Per node, the longest chain of counted nodes from it (itself included when counted), loops cut. */
  readonly depth: ReadonlyMap<string, number>;
}

/**
 * Depth-first over a graph of references (criteria referring to criteria), **without recursion**: a chain
 * of 100,000 is a long loop here, never a stack overflow. Edges to nodes not in the graph are ignored.
 * `counts` says which nodes add a link to a chain (default all): the validator's graph has a "scores" node
 * that links criteria without being one. The validator and the sealed runtime both use it.
 */
export function chainsOf(
  edges: ReadonlyMap<string, readonly string[]>,
  counts: (node: string) => boolean = () => true,
): Chains {
  const loops: string[][] = [];
  const depth = new Map<string, number>();
  const open = new Set<string>();
  const path: string[] = [];
  for (const root of edges.keys()) {
    if (depth.has(root)) continue;
    const frames: Array<{ node: string; next: number }> = [{ node: root, next: 0 }];
    open.add(root);
    path.push(root);
    while (frames.length > 0) {
      const frame = frames[frames.length - 1] as { node: string; next: number };
      const children = edges.get(frame.node) ?? [];
      if (frame.next < children.length) {
        const child = children[frame.next++] as string;
        if (!edges.has(child) || depth.has(child)) continue;
        if (open.has(child)) loops.push([...path.slice(path.indexOf(child)), child]);
        else {
          open.add(child);
          path.push(child);
          frames.push({ node: child, next: 0 });
        }
        continue;
      }
      let deepest = 0;
      for (const child of children) deepest = Math.max(deepest, depth.get(child) ?? 0);
      depth.set(frame.node, counts(frame.node) ? deepest + 1 : deepest);
      frames.pop();
      path.pop();
      open.delete(frame.node);
    }
  }
  return { loops, depth };
}
