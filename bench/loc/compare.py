#!/usr/bin/env python3
"""Compares a loc artifact (output.json) with a cloc --by-file --csv report of the same tree.

Usage: compare.py LOC_OUTPUT_JSON CLOC_CSV TREE_PREFIX [--mismatches N] [--language NAME]

A file is compared when both tools counted it (matched by repo-relative path). It agrees when its code, comment
and blank counts are all identical. Totals are compared over the compared files.
"""
import json
import sys
from collections import defaultdict


def main(argv):
    if len(argv) < 4:
        print(__doc__, file=sys.stderr)
        return 2
    loc_path, cloc_path, prefix = argv[1], argv[2], argv[3].rstrip("/") + "/"
    show = 0
    only = None
    if "--mismatches" in argv:
        show = int(argv[argv.index("--mismatches") + 1])
    if "--language" in argv:
        only = argv[argv.index("--language") + 1]
    with open(loc_path, encoding="utf-8") as f:
        loc = {e["path"]: e for e in json.load(f)["data"]["files"]}
    cloc = {}
    # cloc does not quote its CSV fields: a file name may contain commas, the counts are the last three fields
    with open(cloc_path, encoding="utf-8", errors="surrogateescape") as f:
        for line in f:
            row = line.rstrip("\n").split(",")
            if len(row) < 5 or row[0] in ("language", "SUM"):
                continue
            path = ",".join(row[1:-3])
            if path.startswith(prefix):
                path = path[len(prefix):]
            cloc[path] = (row[0], int(row[-3]), int(row[-2]), int(row[-1]))
    both = sorted(set(loc) & set(cloc))
    per_lang = defaultdict(lambda: [0, 0])
    totals = {"loc": [0, 0, 0], "cloc": [0, 0, 0]}
    mismatches = []
    for p in both:
        e = loc[p]
        lang, blank, comment, code = cloc[p]
        ours = (e["code"], e["comments"], e["blanks"])
        theirs = (code, comment, blank)
        stats = per_lang[e["language"]]
        stats[0] += 1
        if ours == theirs:
            stats[1] += 1
        else:
            mismatches.append((abs(ours[0] - theirs[0]) + abs(ours[1] - theirs[1]), p, e["language"], ours, theirs))
        for i in range(3):
            totals["loc"][i] += ours[i]
            totals["cloc"][i] += theirs[i]
    n = len(both)
    agree = sum(s[1] for s in per_lang.values())
    print(f"  files counted: loc {len(loc)}, cloc {len(cloc)}, both {n} "
          f"(only loc: {len(set(loc) - set(cloc))}, only cloc: {len(set(cloc) - set(loc))})")
    print(f"  per-file agreement (code, comments, blanks all equal): {agree}/{n} = {100.0 * agree / max(n, 1):.2f}%")
    for lang, (count, ok) in sorted(per_lang.items(), key=lambda kv: -kv[1][0]):
        print(f"    {lang:<20} {ok:>7}/{count:<7} {100.0 * ok / count:6.2f}%")
    names = ("code", "comments", "blanks")
    for i, name in enumerate(names):
        a, b = totals["loc"][i], totals["cloc"][i]
        print(f"  total {name:<9} loc {a:>10}  cloc {b:>10}  diff {100.0 * (a - b) / max(b, 1):+.3f}%")
    only_cloc = defaultdict(int)
    for p in set(cloc) - set(loc):
        only_cloc[cloc[p][0]] += 1
    if only_cloc:
        print("  counted by cloc only, by cloc language: " + ", ".join(
            f"{k} {v}" for k, v in sorted(only_cloc.items(), key=lambda kv: -kv[1])[:12]))
    if show:
        mismatches.sort(reverse=True)
        for d, p, lang, ours, theirs in [m for m in mismatches if only is None or m[2] == only][:show]:
            print(f"    MISMATCH {p} [{lang}] loc(code,comments,blanks)={ours} cloc={theirs}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
