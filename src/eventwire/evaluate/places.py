"""Score the places stage against GeoWebNews (GWN.xml) or TR-News (TR-News.xml).

Entry point: `run(path, pipeline, split=None, limit=None) -> dict`. The real pipeline codes each article's
text; gold spans are mapped onto the cleaned text by searching each gold name near its gold offset.

Gold toponyms are those with coordinates. GeoWebNews types them (Gritta et al. 2019): the literal group
(Literal, Mixed, Literal_Modifier, Embedded_Literal, Coercion) names a place; the associative group
(Metonymic, Non_Literal_Modifier, Embedded_Non_Lit) uses a place name for something else. eventwire leaves
associative uses to the actors stage, so on GWN the headline numbers are on the literal group, and a
prediction on an associative gold span counts neither for nor against precision. TR-News has no types:
every gold toponym counts (demonyms such as "Turkish" included, which eventwire never predicts).

Metrics: detection P/R/F1 (a gold span is found when a predicted place overlaps it), accuracy@161km over
the gold toponyms that were detected (resolution given detection, as the geoparsing literature reports it)
and over all gold toponyms (end to end: an undetected toponym counts as wrong), the median error in km, and
(as a diagnostic) accuracy counting a resolution to the gold GeoNames id as right even beyond 161 km.
"""
from __future__ import annotations

import math
import re
import statistics
import xml.etree.ElementTree as ET
from pathlib import Path

from ..document import Document

LITERAL = {"Literal", "Mixed", "Literal_Modifier", "Embedded_Literal", "Coercion"}
ASSOCIATIVE = {"Metonymic", "Non_Literal_Modifier", "Embedded_Non_Lit"}
KM = 161.0  # 100 miles, the field's usual threshold


def km(lat1, lon1, lat2, lon2) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


def read_gold(path) -> list[dict]:
    """Articles as {"id", "text", "date", "toponyms": [{"text", "start", "end", "lat", "lon", "literal"}]}."""
    articles = []
    for n, art in enumerate(ET.parse(path).getroot().iter("article")):
        text = art.findtext("text") or ""
        tops = []
        for t in art.iter("toponym"):
            name = t.findtext("extractedName") or t.findtext("phrase") or ""
            lat = t.findtext("latitude") or t.findtext("gaztag/lat")
            lon = t.findtext("longitude") or t.findtext("gaztag/lon")
            if not name or not lat or not lon:
                continue
            kind = t.findtext("type")
            gid = t.findtext("geonamesID") or (t.find("gaztag").get("geonameid") if t.find("gaztag") is not None else "")
            tops.append({"text": name, "start": int(t.findtext("start")), "end": int(t.findtext("end")),
                         "lat": float(lat), "lon": float(lon),
                         "literal": kind is None or kind in LITERAL, "typed": kind is not None,
                         "geonameid": int(float(gid)) if gid and gid.strip() else None})
        date = (art.findtext("dltime") or "").strip()[:10]
        articles.append({"id": art.get("docid") or art.get("file") or str(n), "text": text,
                         "date": date if re.fullmatch(r"\d{4}-\d\d-\d\d", date) else None, "toponyms": tops})
    return articles


def align(gold: list[dict], text: str) -> list[tuple[dict, int, int]]:
    """Find each gold name in `text` nearest its gold offset, allowing for the drift cleaning introduces."""
    out, drift = [], 0
    for g in sorted(gold, key=lambda g: g["start"]):
        want, best, pos = g["start"] + drift, None, text.find(g["text"])
        while pos != -1:
            if best is None or abs(pos - want) < abs(best - want):
                best = pos
            pos = text.find(g["text"], pos + 1)
        if best is not None and abs(best - want) < 300:
            drift = best - g["start"]
            out.append((g, best, best + len(g["text"])))
    return out


def run(path, pipeline, split=None, limit=None) -> dict:
    articles = read_gold(Path(path))[:limit] if limit else read_gold(Path(path))
    docs = pipeline.pipe(Document(id=a["id"], text=a["text"], date=a["date"]) for a in articles)
    tally = {k: [0, 0, 0] for k in ("literal", "all")}  # tp, fp, fn
    hits = {k: [] for k in ("literal", "all")}  # error in km per detected gold toponym
    same_id = {k: 0 for k in ("literal", "all")}  # detected and resolved to the gold GeoNames id or within 161 km
    n_gold = {"literal": 0, "all": 0}
    n_unaligned = n_failed = 0
    typed = False
    for art, doc in zip(articles, docs):
        gold = align(art["toponyms"], doc.text)
        n_failed += bool(doc.errors)  # a document the pipeline could not code has no places: its gold is missed
        n_unaligned += len(art["toponyms"]) - len(gold)
        typed = typed or any(g["typed"] for g, _, _ in gold)
        for group in ("literal", "all"):
            mine = [(g, s, e) for g, s, e in gold if group == "all" or g["literal"]]
            n_gold[group] += len(mine)
            for g, s, e in mine:
                p = next((p for p in doc.places if p.start < e and s < p.end), None)
                if p is None:
                    tally[group][2] += 1
                    continue
                tally[group][0] += 1
                hits[group].append(km(g["lat"], g["lon"], p.lat, p.lon) if p.lat is not None else math.inf)
                same_id[group] += hits[group][-1] <= KM or (p.geonameid is not None and p.geonameid == g["geonameid"])
            # a prediction is wrong only where gold marks no toponym at all
            tally[group][1] += sum(not any(p.start < e and s < p.end for _, s, e in gold) for p in doc.places)
    out = {"articles": len(articles)}
    for group in ("literal", "all") if typed else ("all",):
        tp, fp, fn = tally[group]
        pr = tp / (tp + fp) if tp + fp else 0.0
        rc = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * pr * rc / (pr + rc) if pr + rc else 0.0
        errs = hits[group]
        good = sum(d <= KM for d in errs)
        out[f"detect({group})"] = {"P": round(pr, 3), "R": round(rc, 3), "F1": round(f1, 3), "n_gold": n_gold[group]}
        out[f"acc@161km({group}, detected)"] = {"accuracy": round(good / len(errs), 3) if errs else 0.0, "n": len(errs)}
        out[f"acc@161km({group}, all gold)"] = {"accuracy": round(good / n_gold[group], 3) if n_gold[group] else 0.0,
                                               "n": n_gold[group]}
        # a country or region resolved to the right GeoNames entry whose representative point differs from
        # GeoNames' own (the shipped gazetteer's country points are atlas centroids): right, but > 161 km
        out[f"acc@161km-or-same-id({group}, detected)"] = {
            "accuracy": round(same_id[group] / len(errs), 3) if errs else 0.0, "n": len(errs)}
        finite = [d for d in errs if d != math.inf]
        out[f"median_error_km({group}, detected)"] = round(statistics.median(finite), 1) if finite else None
    out["gold_not_found_in_text"] = n_unaligned
    out["documents_failed"] = n_failed
    return out
