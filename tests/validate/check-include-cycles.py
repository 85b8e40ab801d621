#!/usr/bin/env python3
"""No two units of src/ include one another, directly or through others,
and no file includes another folder's private header.

A unit is a file name without its extension, wherever it lives: rg-session.c,
rg-session.h and rg-session-private.h are one unit, the private header being
the part of the unit its own layer may use. A includes B when A's .c or .h has
#include "B.h". A strongly connected component of more than one unit is a
cycle: the script prints it, with one path around it, and exits 1.

A NAME-private.h header is shared by the files of its own folder only: a
file of another folder that includes it is reported too.
"""
import os
import re
import sys

INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)\.h"', re.MULTILINE)


def unit_of(stem):
    return stem.removesuffix("-private")


def read_graph(src):
    files = {}
    for folder, _, names in os.walk(src):
        for name in names:
            stem, ext = os.path.splitext(name)
            if ext in (".c", ".h"):
                files.setdefault(unit_of(stem), []).append(os.path.join(folder, name))

    graph = {}
    for unit, paths in files.items():
        edges = set()
        for path in paths:
            with open(path, encoding="utf-8") as f:
                for included in INCLUDE.findall(f.read()):
                    target = unit_of(os.path.basename(included))
                    if target != unit and target in files:
                        edges.add(target)
        graph[unit] = edges
    return graph


def components(graph):
    """Tarjan's algorithm, without recursion."""
    index = {}
    low = {}
    on_stack = set()
    stack = []
    found = []
    counter = 0

    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                found.append(sorted(component))
    return found


def path_around(graph, component):
    """A shortest path from the first unit back to itself, inside the component."""
    members = set(component)
    start = component[0]
    previous = {}
    queue = [start]
    while queue:
        node = queue.pop(0)
        for child in sorted(graph[node] & members):
            if child == start:
                path = [node]
                while path[-1] != start:
                    path.append(previous[path[-1]])
                return list(reversed(path)) + [start]
            if child not in previous:
                previous[child] = node
                queue.append(child)
    return component


def private_crossings(src):
    """(file, header) pairs where a file includes a private header of another folder."""
    folders = {}
    sources = []
    for folder, _, names in os.walk(src):
        for name in names:
            if name.endswith("-private.h"):
                folders.setdefault(name, set()).add(folder)
            if name.endswith((".c", ".h")):
                sources.append(os.path.join(folder, name))

    crossings = []
    for path in sorted(sources):
        with open(path, encoding="utf-8") as f:
            for included in INCLUDE.findall(f.read()):
                header = os.path.basename(included) + ".h"
                homes = folders.get(header)
                if homes and os.path.dirname(path) not in homes:
                    crossings.append((os.path.relpath(path, src), header))
    return crossings


def main():
    src = sys.argv[1] if len(sys.argv) > 1 else "src"
    graph = read_graph(src)
    cycles = [c for c in components(graph) if len(c) > 1]
    for cycle in cycles:
        print(f"include cycle between {len(cycle)} units: {', '.join(cycle)}")
        print("  " + " -> ".join(path_around(graph, cycle)))
    crossings = private_crossings(src)
    for path, header in crossings:
        print(f"{path} includes {header}, private to another folder")
    return 1 if cycles or crossings else 0


if __name__ == "__main__":
    sys.exit(main())
