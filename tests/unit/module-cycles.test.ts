/**
 * No import cycle between modules: the relative imports of every file under src/modules/<m>/
 * (static, `export … from`, side-effect and dynamic `import()`, type-only ones included) make a
 * graph of modules, which must have no cycle. Lower modules (audit, notifications, the
 * registration engine) never import the programmes built on them (education, events, privacy):
 * what both need lives in the lower module. A short parser, no dependency.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';

const MODULES = path.resolve(import.meta.dirname, '../../src/modules');
const IMPORT = /\b(?:import|export)\s+(?:type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : /\.(ts|tsx|mts|js|mjs)$/.test(e.name) ? [p] : [];
  });
}

/** The specifiers a source imports from (comments removed first). */
export function importsOf(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
  return [...code.matchAll(IMPORT)].map((m) => (m[1] ?? m[2])!);
}

type Graph = Map<string, Map<string, string[]>>; // module → imported module → "file: specifier" examples

function moduleGraph(): Graph {
  const graph: Graph = new Map();
  for (const file of sourceFiles(MODULES)) {
    const from = path.relative(MODULES, file).split(path.sep)[0]!;
    if (!graph.has(from)) graph.set(from, new Map());
    for (const spec of importsOf(fs.readFileSync(file, 'utf8'))) {
      if (!spec.startsWith('.')) continue;
      const rel = path.relative(MODULES, path.resolve(path.dirname(file), spec));
      if (rel.startsWith('..')) continue; // outside src/modules (server, db)
      const to = rel.split(path.sep)[0]!;
      if (to === from) continue;
      const edges = graph.get(from)!;
      edges.set(to, [...(edges.get(to) ?? []), `${path.relative(MODULES, file)}: ${spec}`]);
    }
  }
  return graph;
}

/** Every cycle found by depth-first search, each as the list of modules along it (first repeated at the end). */
export function cyclesOf(edges: Map<string, Iterable<string>>): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (m: string) => {
    state.set(m, 'open');
    stack.push(m);
    for (const n of edges.get(m) ?? []) {
      if (state.get(n) === 'open') cycles.push([...stack.slice(stack.indexOf(n)), n]);
      else if (!state.has(n)) visit(n);
    }
    stack.pop();
    state.set(m, 'done');
  };
  for (const m of [...edges.keys()].sort()) if (!state.has(m)) visit(m);
  return cycles;
}

describe('module imports', () => {
  it('the parser sees every form of import and ignores comments', () => {
    const src = [
      "import { a } from '../x/a.ts';",
      "import type { B } from '../y/b.ts';",
      'import {\n  c,\n  d,\n} from "../z/c.ts";',
      "export * from '../w/w.ts';",
      "export { e } from './e.ts';",
      "import '../side/effect.ts';",
      "const m = await import('../lazy/m.ts');",
      "// import { no } from '../commented/out.ts';",
      "/* import { no } from '../block/out.ts'; */",
      "const url = 'https://example.org'; import { f } from '../after-url/f.ts';",
    ].join('\n');
    assert.deepEqual(importsOf(src), ['../x/a.ts', '../y/b.ts', '../z/c.ts', '../w/w.ts', './e.ts', '../side/effect.ts', '../lazy/m.ts', '../after-url/f.ts']);
  });

  it('the search finds a cycle, however long', () => {
    assert.deepEqual(
      cyclesOf(
        new Map([
          ['a', ['b']],
          ['b', ['c']],
          ['c', ['a']],
        ]),
      ),
      [['a', 'b', 'c', 'a']],
    );
    assert.deepEqual(
      cyclesOf(
        new Map([
          ['a', ['b', 'c']],
          ['b', ['c']],
          ['c', []],
        ]),
      ),
      [],
    );
  });

  it('no cycle between the modules of src/modules', () => {
    const graph = moduleGraph();
    assert.ok(graph.has('registration') && graph.has('education'), 'the modules were read');
    assert.ok(graph.get('education')!.has('registration'), 'the imports were read');
    const cycles = cyclesOf(new Map([...graph].map(([m, e]) => [m, [...e.keys()].sort()])));
    const explain = cycles.map((c) =>
      c
        .slice(1)
        .map((to, i) => `${c[i]} → ${to} (${graph.get(c[i]!)!.get(to)!.join('; ')})`)
        .join('\n  '),
    );
    assert.deepEqual(explain, [], `import cycles between modules:\n  ${explain.join('\n\n  ')}`);
  });
});
