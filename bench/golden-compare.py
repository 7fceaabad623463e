#!/usr/bin/env python3
"""Statistical comparison of two golden recordings (bench/golden.sh DIR), for a change that moves
every output on purpose (a different random variate method, say): byte-identity is lost, but each
scenario must still say the same thing within sampling noise.

    bench/golden-compare.py OLD_DIR NEW_DIR [--z 5] [--quiet]

Per scenario JSON present in both, and per load inside it:
  - requests: Poisson noise, |a - b| / sqrt((a + b) / 2);
  - every response code and flag fraction: a two-proportion z statistic;
  - latency mean, p50, p90 and p99: the relative difference, against a tolerance that narrows with
    the request count (quantiles of a few hundred requests move more than those of a million).
With several loads the scenario-wide latency (a mixture) is not compared, each load's is.
Requests inside one run are not independent (bursts, ejection periods), so the z bound is loose on
purpose (default 5); every flagged figure is printed for a person to judge. Exit 0 when none is
flagged, 1 otherwise; scenarios whose text output is an error on one side only are flagged too.
"""
import json
import math
import os
import sys

LATENCY_FIGURES = ("mean", "p50", "p90", "p99")


def proportion_z(ka, na, kb, nb):
    if na == 0 or nb == 0:
        return 0.0
    p = (ka + kb) / (na + nb)
    if p in (0.0, 1.0):
        return 0.0
    se = math.sqrt(p * (1 - p) * (1 / na + 1 / nb))
    return (ka / na - kb / nb) / se


def latency_tolerance(figure, n):
    """Relative tolerance for a latency figure of n requests: 2% (mean, p50) or 5% (tails) plus a
    term that shrinks as 1/sqrt(n)."""
    base = 0.02 if figure in ("mean", "p50") else 0.05
    return base + (3.0 if figure == "p99" else 1.5) / math.sqrt(max(n, 1))


def compare_traffic(where, a, b, zmax, out, latency=True):
    na, nb = a.get("requests", 0), b.get("requests", 0)
    if na + nb > 0:
        z = abs(na - nb) / math.sqrt((na + nb) / 2)
        out.append((z > zmax, f"{where}: requests {na} vs {nb} (z {z:.1f})"))
    for key in ("codes", "flags"):
        ca, cb = a.get(key, {}), b.get(key, {})
        for k in sorted(set(ca) | set(cb)):
            z = proportion_z(ca.get(k, 0), na, cb.get(k, 0), nb)
            out.append((abs(z) > zmax, f"{where}: {key} {k}: {ca.get(k, 0)}/{na} vs {cb.get(k, 0)}/{nb} (z {z:.1f})"))
    if not latency:
        return
    la, lb = a.get("latencyMs", {}), b.get("latencyMs", {})
    n = min(na, nb)
    for f in LATENCY_FIGURES:
        if f in la and f in lb and max(la[f], lb[f]) > 0:
            rel = abs(la[f] - lb[f]) / max(la[f], lb[f])
            tol = latency_tolerance(f, n)
            out.append((rel > tol and n >= 100, f"{where}: latency {f} {la[f]} vs {lb[f]} ms ({rel:.1%}, tolerance {tol:.1%})"))


def compare(old_dir, new_dir, zmax):
    results = []
    for name in sorted(os.listdir(old_dir)):
        if not name.endswith(".json"):
            continue
        base = name[: -len(".json")]
        new_path = os.path.join(new_dir, name)
        if not os.path.exists(new_path):
            results.append((True, f"{base}: missing in {new_dir}"))
            continue
        with open(os.path.join(old_dir, name)) as f:
            text_a = f.read()
        with open(new_path) as f:
            text_b = f.read()
        if not text_a.strip() or not text_b.strip():
            results.append((bool(text_a.strip()) != bool(text_b.strip()), f"{base}: empty JSON on one side"))
            continue
        a, b = json.loads(text_a), json.loads(text_b)
        # With several loads the scenario's latency is a mixture whose quantiles sit between the
        # loads' modes and jump with their shares: compare each load's latency instead.
        compare_traffic(base, a, b, zmax, results, latency=len(a.get("loads", {})) <= 1)
        for load in sorted(set(a.get("loads", {})) & set(b.get("loads", {}))):
            compare_traffic(f"{base} load {load}", a["loads"][load], b["loads"][load], zmax, results)
    for name in sorted(os.listdir(old_dir)):
        if name.endswith(".err"):
            ea = open(os.path.join(old_dir, name)).read()
            new_err = os.path.join(new_dir, name)
            eb = open(new_err).read() if os.path.exists(new_err) else ""
            if ("exit " in ea) != ("exit " in eb):
                results.append((True, f"{name[:-4]}: exit status differs: {ea.strip()[-80:]!r} vs {eb.strip()[-80:]!r}"))
    return results


def main(argv):
    args = [a for a in argv if not a.startswith("--")]
    zmax = 5.0
    if "--z" in argv:
        zmax = float(argv[argv.index("--z") + 1])
        args.remove(argv[argv.index("--z") + 1])
    quiet = "--quiet" in argv
    if len(args) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    results = compare(args[0], args[1], zmax)
    flagged = [m for bad, m in results if bad]
    if not quiet:
        for bad, m in results:
            print(("FLAG " if bad else "ok   ") + m)
    else:
        for m in flagged:
            print("FLAG " + m)
    print(f"{len(results)} figures compared, {len(flagged)} flagged (z bound {zmax})")
    return 1 if flagged else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
