#!/usr/bin/env python3
"""Compares the complexity tool's CCN with lizard's, function by function.

Usage: compare_lizard.py OUTPUT_JSON LIZARD_CSV REPO_ROOT [--diffs FILE] [--show N]
  OUTPUT_JSON  {output}/complexity/output.json of a run on REPO_ROOT
  LIZARD_CSV   lizard --csv REPO_ROOT > lizard.csv (paths in the CSV are REPO_ROOT/...)
  --diffs FILE write every disagreement and every unmatched function (tab-separated) for review
  --show N     print the first N disagreements (default 20)

Matching. A lizard row is (file, name, start line, end line) where the name is qualified with '::' (Outer::Inner::f)
and the start line is the line of the function's name token; ours is (path, simple name, start line of the
declaration including annotations and modifiers, end line). Both end lines are the line of the body's closing
brace, so functions are matched by (path, simple name, end line); when several functions share that key
(overloads on one line) they are paired in source order. The agreement rate is over matched functions; the
functions only one side reports are counted and listed separately (see README, "Agreement with lizard").
"""
import argparse
import collections
import csv
import json
import os
import sys


def load_ours(output):
    data = json.load(open(output, encoding="utf-8"))["data"]
    ours = collections.defaultdict(list)
    for f in data["files"]:
        for fn in f["functions"]:
            ours[(f["path"], fn["name"], fn["end_line"])].append(fn)
    for v in ours.values():
        v.sort(key=lambda fn: fn["start_line"])
    return ours


def load_lizard(lizard_csv, root):
    theirs = collections.defaultdict(list)
    csv.field_size_limit(sys.maxsize)
    with open(lizard_csv, encoding="utf-8", errors="replace") as fh:
        for row in csv.reader(fh):
            if len(row) < 11 or not row[1].isdigit():
                continue
            rel = os.path.relpath(row[6], root).replace(os.sep, "/")
            name = row[7]
            short = name.split("::")[-1].split(".")[-1]
            theirs[(rel, short, int(row[10]))].append(
                {"ccn": int(row[1]), "start_line": int(row[9]), "name": name})
    for v in theirs.values():
        v.sort(key=lambda fn: fn["start_line"])
    return theirs


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("output")
    parser.add_argument("lizard_csv")
    parser.add_argument("root")
    parser.add_argument("--diffs")
    parser.add_argument("--show", type=int, default=20)
    args = parser.parse_args()
    ours = load_ours(args.output)
    theirs = load_lizard(args.lizard_csv, args.root)
    matched = agree = 0
    diffs, only_lizard, only_ours = [], [], []
    delta = collections.Counter()
    for key in sorted(set(ours) | set(theirs)):
        mine, lz = ours.get(key, []), theirs.get(key, [])
        for a, b in zip(mine, lz):
            matched += 1
            if a["ccn"] == b["ccn"]:
                agree += 1
            else:
                delta[a["ccn"] - b["ccn"]] += 1
                diffs.append((key, a, b))
        for a in mine[len(lz):]:
            only_ours.append((key, a))
        for b in lz[len(mine):]:
            only_lizard.append((key, b))
    n_ours = sum(len(v) for v in ours.values())
    n_lizard = sum(len(v) for v in theirs.values())
    rate = 100.0 * agree / max(1, matched)
    print(f"functions: lizard {n_lizard}, ours {n_ours}; matched {matched} "
          f"({100.0 * matched / max(1, n_lizard):.2f}% of lizard's)")
    print(f"CCN agreement: {agree}/{matched} = {rate:.2f}%")
    print(f"unmatched: only lizard {len(only_lizard)}, only ours {len(only_ours)}")
    print("ours - lizard on disagreements: " +
          ", ".join(f"{d:+d}: {c}" for d, c in sorted(delta.items(), key=lambda x: -x[1])[:12]))
    for key, a, b in diffs[:args.show]:
        print(f"  {key[0]}:{b['start_line']}-{key[2]} {b['name']}: ours {a['ccn']} lizard {b['ccn']}")
    if args.diffs:
        with open(args.diffs, "w", encoding="utf-8") as out:
            for key, a, b in diffs:
                out.write(f"diff\t{key[0]}\t{b['start_line']}\t{key[2]}\t{b['name']}\t{a['ccn']}\t{b['ccn']}\n")
            for key, b in only_lizard:
                out.write(f"only_lizard\t{key[0]}\t{b['start_line']}\t{key[2]}\t{b['name']}\t\t{b['ccn']}\n")
            for key, a in only_ours:
                out.write(f"only_ours\t{key[0]}\t{a['start_line']}\t{key[2]}\t{a['qualified_name']}\t{a['ccn']}\t\n")


if __name__ == "__main__":
    main()
