#!/usr/bin/env python3
"""Plots bench/results/results.json with gnuplot (Debian: gnuplot-nox).

Writes, next to the JSON, log-log plots of the median wall time of both
tools, one panel per operation:

  lv-series.png   against the number of LVs, one PV (100 ... 50,000)
  pv-series.png   against the number of PVs (1, 16, 128) with the PV
                  series' LV count; its 1-PV point comes from the LV series

The lvcreate script is drawn per call (its total over its number of calls),
so that points with shortened scripts (--script-budget) stay comparable.

Usage: bench/plot.py [RESULTS_DIR]
"""
import json
import os
import subprocess
import sys

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCRIPT_OP = "lvcreate_script"
TOOLS = (("lvm2", "LVM2"), ("openlvm", "openlvm"))
COLS = 4


def is_script(op):
    """The script's operation; older results named it lvcreate_xCALLS."""
    return op == SCRIPT_OP or op.startswith("lvcreate_x")


def per_call_ms(row):
    """A row's median, per lvcreate call for the script."""
    calls = 1
    if is_script(row["op"]):
        calls = row.get("calls") or int(row["op"][len("lvcreate_x"):])
    return row["median_ms"] / calls


def title(op):
    if is_script(op):
        return "lvcreate in a script (per call)"
    return op.replace("_", " ")


def datablock(name, pts):
    return "$%s << EOD\n%s\nEOD\n" % (name, "\n".join("%d %g" % p for p in sorted(pts)))


def gnuplot_script(rows, key, out, xlabel):
    """Panels of median ms against row[key], log-log, one per operation."""
    ops = sorted({r["op"] for r in rows})
    xs = sorted({r[key] for r in rows})
    nrows = (len(ops) + COLS - 1) // COLS
    size = (COLS * 330, nrows * 260)
    term = "pngcairo size %d,%d font ',9'" if has_cairo() else "png size %d,%d"
    body = []
    plots = []
    for i, op in enumerate(ops):
        lines = []
        for tool, label in TOOLS:
            pts = [(r[key], per_call_ms(r)) for r in rows if r["op"] == op and r["tool"] == tool]
            if not pts:
                continue
            name = "d%d%s" % (i, tool)
            body.append(datablock(name, pts))
            lines.append("$%s with linespoints pointtype 7 title '%s'" % (name, label))
        plots += ["set title '%s'" % title(op), "plot " + ", ".join(lines)]
    head = ["set terminal " + term % size, "set output '%s'" % out,
            "set logscale xy", "set grid", "set key below horizontal",
            "set xlabel '%s'" % xlabel, "set ylabel 'ms'",
            "set xtics (%s)" % ", ".join('"%d" %d' % (x, x) for x in xs),
            "set xrange [%g:%g]" % (min(xs) / 1.5, max(xs) * 1.5),
            "set multiplot layout %d,%d title '%s: median wall time (ms), log-log'"
            % (nrows, COLS, xlabel)]
    return "".join(body) + "\n".join(head + plots + ["unset multiplot", ""])


def plot(rows, out, key, xlabel):
    """Nothing to draw without two points on the x axis."""
    if len({r[key] for r in rows}) < 2:
        return False
    subprocess.run(["gnuplot"], input=gnuplot_script(rows, key, out, xlabel),
                   text=True, check=True)
    return True


def has_cairo():
    p = subprocess.run(["gnuplot", "-e", "set terminal"], capture_output=True, text=True)
    return "pngcairo" in (p.stdout + p.stderr)


def pv_series_lvs(data):
    """The LV count of the PV series: from the settings, else the LV count
    of the configurations with more than one PV."""
    lvs = (data.get("settings") or {}).get("pv_lvs")
    if lvs is None:
        many = sorted({r["lvs"] for r in data["results"] if r["pvs"] > 1})
        lvs = many[0] if many else None
    return lvs


def main():
    outdir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(TOP, "bench", "results")
    with open(os.path.join(outdir, "results.json")) as f:
        data = json.load(f)
    rows = data["results"]
    made = []
    if plot([r for r in rows if r["pvs"] == 1], os.path.join(outdir, "lv-series.png"),
            "lvs", "LVs in the VG (1 PV)"):
        made.append("lv-series.png")
    lvs = pv_series_lvs(data)
    if lvs is not None and plot([r for r in rows if r["lvs"] == lvs],
                                os.path.join(outdir, "pv-series.png"),
                                "pvs", "PVs in the VG (%d LVs)" % lvs):
        made.append("pv-series.png")
    print("wrote %s" % (", ".join(made) or "nothing (fewer than two points per series)"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
