// Runs in Node, for the memory bench: what holds a V8 heap, from a heap snapshot file (the format
// node --heapsnapshot-signal writes): self sizes summed per kind of object, largest first.
import { readFileSync } from 'node:fs';

interface HeapSnapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
  strings: string[];
}

/** What a group of a snapshot's nodes is called in the summary. */
function groupOf(type: string, name: string): string {
  switch (type) {
    case 'object':
      return name || '(object)';
    case 'string':
    case 'concatenated string':
    case 'sliced string':
      return '(strings)';
    case 'code':
      return '(compiled code)';
    case 'closure':
      return '(functions)';
    case 'array':
      return '(arrays inside objects)';
    case 'number':
    case 'heap number':
      return '(numbers)';
    case 'native':
      return '(native: buffers, WebAssembly memory)';
    default:
      return `(${type})`;
  }
}

/** The `top` largest groups of the snapshot in `file`, with their self sizes in bytes. */
export function heapSummary(file: string, top = 8): { group: string; bytes: number }[] {
  const heap = JSON.parse(readFileSync(file, 'utf8')) as HeapSnapshot;
  const fields = heap.snapshot.meta.node_fields;
  const types = heap.snapshot.meta.node_types[0];
  const width = fields.length;
  const typeAt = fields.indexOf('type');
  const nameAt = fields.indexOf('name');
  const sizeAt = fields.indexOf('self_size');
  const bytes = new Map<string, number>();
  for (let i = 0; i < heap.nodes.length; i += width) {
    const group = groupOf(types[heap.nodes[i + typeAt]!]!, heap.strings[heap.nodes[i + nameAt]!]!);
    bytes.set(group, (bytes.get(group) ?? 0) + heap.nodes[i + sizeAt]!);
  }
  return [...bytes]
    .map(([group, size]) => ({ group, bytes: size }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, top);
}
