#!/usr/bin/env python3
"""Prints the README's performance tables (Markdown) from a results file.

    bench/table.py [bench/results/results.json]

Cells are "openlvm / LVM2 (LVM2/openlvm)" median wall times in ms; the
lvcreate script is shown per call.  The README's tables are this output,
so they always match the committed results.
"""
import json
import os
import sys

OPS = [("lvs", "`lvs`"), ("lvs_json", "`lvs --reportformat json`"),
       ("pvs", "`pvs`"), ("vgs", "`vgs`"), ("lvcreate", "`lvcreate`"),
       ("lvextend", "`lvextend`"), ("lvrename", "`lvrename`"),
       ("lvremove", "`lvremove`"), ("vgcfgbackup", "`vgcfgbackup`"),
       ("vgck", "`vgck`"), ("lvcreate_script", "`lvcreate` script, per call")]


def ms(v):
    if v >= 1000:
        return "%.2g s" % (v / 1000) if v < 10000 else "%.0f s" % (v / 1000)
    return "%.3g" % v if v < 100 else "%.0f" % v


def cell(row):
    if row is None:
        return "-"
    calls = row["calls"] or 1
    o, l = row["openlvm_ms"] / calls, row["lvm2_ms"] / calls
    return "%s / %s (%.1fx)" % (ms(o), ms(l), l / o)


def time_table(by, cols, head):
    out = ["| operation | " + " | ".join(head) + " |",
           "|---" * (len(cols) + 1) + "|"]
    for op, label in OPS:
        out.append("| %s | %s |" % (label, " | ".join(cell(by.get((n, p, op)))
                                                     for n, p in cols)))
    return out


def rss_table(by, cols):
    out = ["| peak RSS, KiB | openlvm | LVM2 | LVM2/openlvm |", "|---|---|---|---|"]
    for n, p in cols:
        for op in ("lvs", "lvcreate"):
            r = by.get((n, p, op))
            if r and r["openlvm_rss_kib"]:
                out.append("| `%s`, %d LVs, %d PV%s | %d | %d | %.1f |" % (
                    op, n, p, "s" if p > 1 else "", r["openlvm_rss_kib"],
                    r["lvm2_rss_kib"], r["lvm2_rss_kib"] / r["openlvm_rss_kib"]))
    return out


def callgrind_line(counts):
    parts = []
    for key in sorted(counts, key=lambda k: [int(x) for x in k.split("_")[::2]]):
        n, p = [int(x) for x in key.split("_")[::2]]
        if p != 1:
            continue
        c = counts[key]
        parts.append("%.3g M / %.3g M at %d LVs" % (c["lvs"] / 1e6, c["lvcreate"] / 1e6, n))
    return "openlvm's instruction counts (callgrind), `lvs` / `lvcreate`: " + \
        ", ".join(parts) + "."


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "results", "results.json")
    with open(path) as f:
        data = json.load(f)
    by = {(r["lvs"], r["pvs"], r["op"]): r for r in data["summary"]}
    configs = [tuple(c) for c in data["configs"]]
    one_pv = [c for c in configs if c[1] == 1]
    many = sorted({c[0] for c in configs if c[1] > 1})
    lines = ["Median wall time in ms, openlvm / LVM2 (ratio), one PV:", ""]
    lines += time_table(by, one_pv, ["%s LVs" % format(n, ",") for n, _ in one_pv])
    for n in many:
        cols = [c for c in configs if c[0] == n]
        lines += ["", "%s LVs on %s PVs:" % (format(n, ","),
                                             ", ".join(str(p) for _, p in cols)), ""]
        lines += time_table(by, cols, ["%d PV%s" % (p, "s" if p > 1 else "")
                                       for _, p in cols])
    lines += ["", "Peak RSS:", ""] + rss_table(by, configs)
    if data.get("callgrind_instructions"):
        lines += ["", callgrind_line(data["callgrind_instructions"])]
    print("\n".join(lines))


if __name__ == "__main__":
    main()
