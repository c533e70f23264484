#!/usr/bin/env python3
"""Compares the complexity tool's CCN with lizard's, function by function.

Usage: compare_lizard.py OUTPUT_JSON LIZARD_CSV REPO_ROOT
  OUTPUT_JSON  {output}/complexity/output.json of a run on REPO_ROOT
  LIZARD_CSV   python3 -m lizard --csv REPO_ROOT > lizard.csv
Functions are matched by (path, name, end line); prints the agreement rate over matched functions and the
first disagreements, so the classes of difference can be reviewed (README, "Known classes of difference").
"""
import csv
import json
import os
import sys


def main():
    output, lizard_csv, root = sys.argv[1:4]
    data = json.load(open(output, encoding="utf-8"))["data"]
    ours = {}
    for f in data["files"]:
        for fn in f["functions"]:
            ours[(f["path"], fn["name"], fn["end_line"])] = fn["ccn"]
    matched = agree = 0
    diffs = []
    theirs = 0
    with open(lizard_csv, encoding="utf-8", errors="replace") as fh:
        for row in csv.reader(fh):
            if len(row) < 11 or not row[1].isdigit():
                continue
            theirs += 1
            ccn, path, name, end = int(row[1]), row[6], row[7], int(row[10])
            rel = os.path.relpath(path, root).replace(os.sep, "/")
            short = name.split("::")[-1].split(".")[-1]
            key = (rel, short, end)
            if key in ours:
                matched += 1
                if ours[key] == ccn:
                    agree += 1
                elif len(diffs) < 40:
                    diffs.append(f"{rel}:{end} {short}: ours {ours[key]} lizard {ccn}")
    print(f"lizard functions {theirs}, ours {len(ours)}, matched {matched}, "
          f"agree {agree} ({100.0 * agree / max(1, matched):.2f}%)")
    for d in diffs:
        print("  " + d)


if __name__ == "__main__":
    main()
