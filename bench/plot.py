#!/usr/bin/env python3
"""Plots bench/results/results.json with gnuplot (Debian: gnuplot-nox).

Writes, next to the JSON: lv-series.png (median wall time against the
number of LVs, one PV, log-log, one panel per operation, both tools) and
pv-series.png (the same against the number of PVs).

Usage: bench/plot.py [RESULTS_DIR]
"""
import json
import os
import subprocess
import sys

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def series(rows, op, tool, key, fixed_key, fixed):
    pts = sorted((r[key], r["median_ms"]) for r in rows
                 if r["op"] == op and r["tool"] == tool and r[fixed_key] == fixed)
    return "\n".join("%d %g" % p for p in pts) + "\ne\n"


def plot(rows, outdir, name, key, fixed_key, fixed, xlabel):
    ops = sorted({r["op"] for r in rows if r[fixed_key] == fixed})
    if not ops:
        return
    if len({r[key] for r in rows if r[fixed_key] == fixed}) < 2:
        return
    cols = 4
    nrows = (len(ops) + cols - 1) // cols
    script = ["set terminal pngcairo size %d,%d font ',9'" % (cols * 330, nrows * 260)
              if has_cairo() else "set terminal png size %d,%d" % (cols * 330, nrows * 260),
              "set output '%s'" % os.path.join(outdir, name),
              "set logscale xy", "set grid", "set key top left",
              "set multiplot layout %d,%d title '%s (median wall time, ms)'"
              % (nrows, cols, xlabel)]
    data = []
    for op in ops:
        script += ["set title '%s'" % op.replace("_", " "), "set xlabel '%s'" % xlabel,
                   "plot '-' with linespoints title 'LVM2', '-' with linespoints title 'openlvm'"]
        data.append(series(rows, op, "lvm2", key, fixed_key, fixed) +
                    series(rows, op, "openlvm", key, fixed_key, fixed))
    # gnuplot reads each panel's inline data right after its plot command.
    body = "\n".join(script[:6]) + "\n"
    for i in range(len(ops)):
        body += "\n".join(script[6 + 3 * i:9 + 3 * i]) + "\n" + data[i]
    body += "unset multiplot\n"
    subprocess.run(["gnuplot"], input=body, text=True, check=True)


def has_cairo():
    p = subprocess.run(["gnuplot", "-e", "set terminal"], capture_output=True, text=True)
    return "pngcairo" in (p.stdout + p.stderr)


def main():
    outdir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(TOP, "bench", "results")
    with open(os.path.join(outdir, "results.json")) as f:
        rows = json.load(f)["results"]
    plot(rows, outdir, "lv-series.png", "lvs", "pvs", 1, "LVs in the VG (1 PV)")
    pv_lvs = sorted({r["lvs"] for r in rows if r["pvs"] > 1})
    if pv_lvs:
        pv_rows = [r for r in rows if r["lvs"] == pv_lvs[0]]
        plot(pv_rows, outdir, "pv-series.png", "pvs", "lvs", pv_lvs[0],
             "PVs in the VG (%d LVs)" % pv_lvs[0])
    return 0


if __name__ == "__main__":
    sys.exit(main())
