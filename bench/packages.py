#!/usr/bin/env python3
"""Prints the code's layout as its imports make it: each module's packages with the meshsim packages
they name, the module-to-module edges, the number of package edges and every package cycle.

    python3 bench/packages.py [REPO]

A package "names" another when one of its main sources names a dev.meshsim type of it, imported,
fully qualified or in a javadoc link: the same reading as PackageCyclesTest. Used for the before and
after figures of docs/model.md's code layout; run it at two commits and diff the outputs."""
import collections
import os
import re
import sys

REFERENCE = re.compile(r'\bdev\.meshsim((?:\.[a-z]\w*)+)\.[A-Z]')


def read(root):
    modules = sorted(m for m in os.listdir(root) if os.path.isdir(os.path.join(root, m, 'src/main/java')))
    module_of, edges = {}, collections.defaultdict(set)
    for m in modules:
        base = os.path.join(root, m, 'src/main/java')
        for d, _, files in os.walk(base):
            for f in (f for f in files if f.endswith('.java')):
                pkg = os.path.relpath(d, base).replace(os.sep, '.')
                module_of[pkg] = m
                with open(os.path.join(d, f), encoding='utf-8') as src:
                    for target in REFERENCE.findall(src.read()):
                        if 'dev.meshsim' + target != pkg:
                            edges[pkg].add('dev.meshsim' + target)
    edges = {p: {t for t in ts if t in module_of} for p, ts in edges.items()}
    return modules, module_of, edges


def cycles(module_of, edges):
    """Strongly connected components of more than one package (Tarjan, iterative)."""
    index, low, on, stack, found = {}, {}, set(), [], []
    for start in sorted(module_of):
        if start in index:
            continue
        work = [(start, iter(sorted(edges.get(start, ()))))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on.add(start)
        while work:
            v, it = work[-1]
            w = next(it, None)
            if w is None:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[v])
                if low[v] == index[v]:
                    component = []
                    while True:
                        x = stack.pop()
                        on.discard(x)
                        component.append(x)
                        if x == v:
                            break
                    if len(component) > 1:
                        found.append(sorted(component))
            elif w not in index:
                index[w] = low[w] = len(index)
                stack.append(w)
                on.add(w)
                work.append((w, iter(sorted(edges.get(w, ())))))
            elif w in on:
                low[v] = min(low[v], index[w])
    return sorted(found)


def main():
    modules, module_of, edges = read(sys.argv[1] if len(sys.argv) > 1 else '.')
    short = lambda p: p[len('dev.meshsim.'):]
    for m in modules:
        packages = sorted(p for p in module_of if module_of[p] == m)
        print(f'module {m}: {len(packages)} packages')
        for p in packages:
            print(f'  {short(p)} -> {", ".join(sorted(map(short, edges.get(p, ()))))}')
    print('module edges:')
    for m in modules:
        uses = sorted({module_of[t] for p, ts in edges.items() if module_of[p] == m for t in ts} - {m})
        print(f'  {m} -> {", ".join(uses)}')
    print('package edges:', sum(len(ts) for ts in edges.values()))
    found = cycles(module_of, edges)
    print('package cycles:', '; '.join(' <-> '.join(map(short, c)) for c in found) if found else 'none')


if __name__ == '__main__':
    main()
