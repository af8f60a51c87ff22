#!/usr/bin/env python3
"""Error report of the extractor against gold annotations: per article, what was missed and what was spurious.

usage: infra/eval/report.py [--only NAME,...] GOLD_DIR [JAR]
  GOLD_DIR holds NAME.txt and NAME.gold.json (the layout of the evaluation set) and score.py, whose matching
  rules this report reuses so that it can never disagree with the score. JAR defaults to
  ingest-service/target/ingest-service.jar. Prints, per article with any difference, the missed (gold only) and
  spurious (system only) seminars, participants and metrics, then per-class counts.
"""
import importlib.util, json, os, subprocess, sys
from collections import Counter


def load_scorer(gold_dir):
    spec = importlib.util.spec_from_file_location("score", os.path.join(gold_dir, "score.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def unmatched(sys_items, gold_items, same, match):
    pairs = match(sys_items, gold_items, same)
    used_s = {id(s) for s, _ in pairs}
    used_g = {id(g) for _, g in pairs}
    return [g for g in gold_items if id(g) not in used_g], [s for s in sys_items if id(s) not in used_s]


def metric_row(m):
    return f"{m.get('company')} | {m.get('metric')} | {m.get('period')} | {m.get('value')} {m.get('unit', '')}"


def main(argv):
    only = None
    if argv[:1] == ["--only"]:
        only, argv = set(argv[1].split(",")), argv[2:]
    gold_dir = os.path.abspath(argv[0])
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    jar = argv[1] if len(argv) > 1 else os.path.join(root, "ingest-service/target/ingest-service.jar")
    scorer_dir = gold_dir
    if not os.path.exists(os.path.join(scorer_dir, "score.py")):
        # a folder of links to scored articles, or a corpus scored with the shared eval's scorer
        linked = os.path.dirname(os.path.realpath(os.path.join(gold_dir, sorted(os.listdir(gold_dir))[0])))
        shared = os.path.join(os.path.dirname(root), "shared", "eval")
        scorer_dir = linked if os.path.exists(os.path.join(linked, "score.py")) else shared
    sc = load_scorer(scorer_dir)
    names = sorted(f[:-4] for f in os.listdir(gold_dir) if f.endswith(".txt"))
    if only:
        names = [n for n in names if n in only]
    run = subprocess.run(["java", "-jar", jar, "extract"] + [os.path.join(gold_dir, n + ".txt") for n in names],
                         capture_output=True, text=True, timeout=600, check=True)
    outs = [json.loads(l) for l in run.stdout.splitlines() if l.strip().startswith("{")]
    classes = Counter()
    for name, out in zip(names, outs):
        gold = json.load(open(os.path.join(gold_dir, name + ".gold.json"), encoding="utf-8"))
        lines = []
        seminars = out.get("seminars") or []
        same_sem = lambda s, g: s.get("date") == g["date"] and (
            not s.get("city") or not g.get("city") or sc.near(s.get("city"), g["city"]))
        miss, spur = unmatched(seminars, gold["seminars"], same_sem, sc.match)
        for g in miss:
            classes["seminar missed"] += 1
            lines.append(f"  seminar MISSED    {g['date']} {g.get('city')} host={g.get('host')} focus={g.get('focus')}")
        for s in spur:
            classes["seminar spurious"] += 1
            lines.append(f"  seminar SPURIOUS  {s.get('date')} {s.get('city')} {s.get('name')} @{s.get('evidence', {}).get('start')}")
        for s, g in sc.match(seminars, gold["seminars"], same_sem):
            host = sc.person_name(s.get("host"))
            for field, ok, have, want in (
                    ("sequence", s.get("sequence") == g["sequence"], s.get("sequence"), g["sequence"]),
                    ("host", sc.near(host, g["host"]) if g["host"] else not host, host, g["host"]),
                    ("focus", sc.near(s.get("focus"), g["focus"]) if g["focus"] else True, s.get("focus"), g["focus"])):
                if not ok:
                    classes[f"seminar {field} wrong"] += 1
                    lines.append(f"  {g['date']} {field}: got {have!r}, gold {want!r}")
        gold_by_date = {g["date"]: g for g in gold["seminars"]}
        matched_dates = set()
        for s in seminars:
            g = gold_by_date.get(s.get("date"))
            gp = g["participants"] if g else []
            extra = {sc.norm(n) for n in (g.get("alsoPresent") or [])} if g else set()
            ps = [p for p in (s.get("participants") or []) if sc.norm(p.get("name")) not in extra]
            same_p = lambda a, b: sc.norm(a.get("name")) == sc.norm(b["name"]) and sc.near(a.get("organization"), b["organization"])
            pm, psp = unmatched(ps, gp, same_p, sc.match)
            matched_dates.add(s.get("date"))
            for p in pm:
                classes["participant missed"] += 1
                lines.append(f"  part MISSED    {p['name']} | {p.get('organization')} | {p.get('title')}")
            for p in psp:
                classes["participant spurious"] += 1
                lines.append(f"  part SPURIOUS  {p.get('name')} | {p.get('organization')} | {p.get('title')}")
        for g in gold["seminars"]:
            if g["date"] not in matched_dates:
                for p in g["participants"]:
                    classes["participant missed"] += 1
                    lines.append(f"  part MISSED    {p['name']} | {p.get('organization')} (seminar {g['date']} not found)")
        metrics = [e for e in (out.get("companyEvents") or [])
                   if e.get("metric") and e.get("qualifier") not in ("forecast", "target")]

        def same_m(s, g):
            try:
                v = float(s.get("value"))
            except (TypeError, ValueError):
                return False
            return (sc.near(s.get("company"), g["company"]) and s.get("metric") == g["metric"]
                    and (g["period"] is None or s.get("period") == g["period"]
                         or (isinstance(g["period"], list) and s.get("period") in g["period"]))
                    and abs(v - g["value"]) <= 0.005 * abs(g["value"]))
        mm, ms = unmatched(metrics, gold["companyMetrics"], same_m, sc.match)
        for m in mm:
            classes["metric missed"] += 1
            lines.append(f"  metric MISSED    {metric_row(m)}")
        for m in ms:
            classes["metric spurious"] += 1
            ev = (m.get("evidence") or {}).get("text", "")
            lines.append(f"  metric SPURIOUS  {metric_row(m)}  «{ev[:60]}»")
        if lines:
            print(name)
            print("\n".join(lines))
    print("per class:", ", ".join(f"{k} {v}" for k, v in sorted(classes.items())) or "no errors")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
