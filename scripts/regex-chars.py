#!/usr/bin/env python3
"""Hand-written regex characters in rule packs: patterns, skip_if, context,
event triggers and entity not_near. Usage: scripts/regex-chars.py DIR..."""
import pathlib, sys, tomllib

def count(path):
    d = tomllib.loads(path.read_text())
    n = 0
    for r in d.get("rule", []):
        n += sum(len(p) for p in r.get("patterns", []))
        n += len(r.get("skip_if", "")) + len(r.get("context", ""))
    for e in d.get("event", []):
        n += sum(len(t) for t in e.get("triggers", []))
    for e in d.get("entity", []):
        n += sum(len(t) for t in e.get("not_near", []))
    return n

total = 0
for arg in sys.argv[1:]:
    root = pathlib.Path(arg)
    files = [root] if root.is_file() else sorted(root.rglob("*.toml"))
    n = sum(count(f) for f in files)
    total += n
    print(f"{n:7d}  {arg}")
print(f"{total:7d}  total")
