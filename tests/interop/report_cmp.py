#!/usr/bin/env python3
"""Helpers for report.bats.

  report_cmp.py fields KIND REAL_HELP OPEN_HELP
      prints the comma-separated fields a KIND report (pvs, pvseg, vgs, lvs,
      lvseg) accepts that both tools list in `-o help`.
  report_cmp.py json REAL OPEN
      names every field and row where two JSON reports differ (diagnostics
      after a byte comparison failed); exit 1 if they differ.
"""
import json
import re
import sys

# Which `-o help` sections each report accepts; a section is matched by
# the start of its title, so LVM2's "Logical Volume Device ..." sections
# count as LV fields.
CLASSES = {
    "pvs": ("pv", "vg"),
    "pvseg": ("pv", "pvseg", "vg"),
    "vgs": ("vg",),
    "lvs": ("lv", "vg"),
    "lvseg": ("lv", "seg", "vg"),
}


def section_class(title):
    if title.startswith("Logical Volume Segment"):
        return "seg"
    if title.startswith("Logical Volume"):
        return "lv"
    if title.startswith("Physical Volume Segment"):
        return "pvseg"
    if title.startswith("Physical Volume"):
        return "pv"
    if title.startswith("Volume Group"):
        return "vg"
    return None


def help_fields(path):
    fields = {}
    cls = None
    field = re.compile(r"^\s+([a-z0-9_]+)\s+- ")
    for line in open(path):
        m = field.match(line)
        if m:
            if cls and not m.group(1).endswith("_all"):
                fields.setdefault(cls, []).append(m.group(1))
        elif line.strip() and not line.strip().startswith("-"):
            cls = section_class(line.strip())
    return fields


def fields(kind, real_help, open_help):
    real, opened = help_fields(real_help), help_fields(open_help)
    out = []
    for cls in CLASSES[kind]:
        theirs = set(opened.get(cls, []))
        out += [f for f in real.get(cls, []) if f in theirs]
    if not out:
        sys.exit("no common %s fields" % kind)
    print(",".join(out))


def rows(doc):
    out = []
    for rep in doc.get("report", []):
        for kind, lst in rep.items():
            out += [(kind, r) for r in lst]
    return out


def json_diff(real_path, open_path):
    try:
        real = json.load(open(real_path))
        opened = json.load(open(open_path))
    except ValueError as e:
        print("not JSON: %s" % e)
        return 1
    if real == opened:
        return 0
    rr, orows = rows(real), rows(opened)
    if len(rr) != len(orows):
        print("row count: LVM2 %d, openlvm %d" % (len(rr), len(orows)))
    shown = 0
    for i, (r, o) in enumerate(zip(rr, orows)):
        for k in sorted(set(r[1]) | set(o[1])):
            if r[1].get(k) != o[1].get(k) and shown < 40:
                print("row %d %s: LVM2 %r, openlvm %r" % (i, k, r[1].get(k), o[1].get(k)))
                shown += 1
    return 1


def main():
    if len(sys.argv) == 5 and sys.argv[1] == "fields":
        fields(*sys.argv[2:])
        return 0
    if len(sys.argv) == 4 and sys.argv[1] == "json":
        return json_diff(*sys.argv[2:])
    sys.exit(__doc__)


if __name__ == "__main__":
    sys.exit(main())
