"""Actor resolution against the public gold sets (read from ``../shared/data`` at run time).

1. PLOVER GSR (``plover_gsr/plover_gsr_cameo.jsonl``): every ``source_actors``/``target_actors``
   entry gives the actor text and its code; :func:`communique.extract.resolve.lookup` resolves
   the text alone (with the record's date). Scored: the country (first three letters of the code;
   ``IGO`` for intergovernmental codes) and, where the gold code has one, the sector.
2. PETR2 GSR (``petr2_gsr/petr2_gsr.jsonl``): the stage runs on each sentence; for each gold event
   the source and target codes are looked for among the actors the stage resolved in the
   sentence (country, and country + sector where the gold code has a sector); the same recall
   is given for the PLOVER GSR sentences. This measures
   actor recall only; the events stage decides which actor fills which role.

Usage:
    python bench/actors_gold.py [--shared ../shared/data] [--errors 20]
"""

from __future__ import annotations

import argparse
import collections
import json
from pathlib import Path

DEFAULT_SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"


def _iso_date(raw: str | None) -> str | None:
    if not raw:
        return None
    raw = raw.replace("-", "")
    return f"{raw[:4]}-{raw[4:6]}-{raw[6:8]}" if len(raw) == 8 else None


def _country_of(code: str) -> str:
    return "IGO" if code.startswith("IGO") else code[:3]


def plover(shared: Path, errors: int) -> None:
    from communique.extract import resolve

    total = right = sector_total = sector_right = 0
    misses: collections.Counter[tuple[str, str, str | None]] = collections.Counter()
    for line in (shared / "plover_gsr" / "plover_gsr_cameo.jsonl").open(encoding="utf-8"):
        record = json.loads(line)
        date = _iso_date(record.get("date"))
        for actor in record.get("source_actors", []) + record.get("target_actors", []):
            gold = actor["code"]
            found = resolve.lookup(actor["actorText"], date=date)
            got = None if found is None else ("IGO" if found.igo else found.country)
            total += 1
            if got == _country_of(gold):
                right += 1
            else:
                misses[(actor["actorText"], gold, found.id if found else None)] += 1
            if len(gold) >= 6 and not gold.startswith("IGO"):
                sector_total += 1
                sector_right += int(found is not None and found.sector == gold[3:6])
    print(f"PLOVER GSR actor texts: country accuracy {right / total:.3f} ({right}/{total})", end="")
    print(
        f"; sector accuracy {sector_right / sector_total:.3f} ({sector_right}/{sector_total})"
        if sector_total
        else "; no gold sectors"
    )
    for (text, gold, got), count in misses.most_common(errors):
        print(f"   miss x{count}: {text!r} gold {gold} got {got}")


def plover_in_context(shared: Path, errors: int) -> None:
    """PLOVER GSR again, with the stage on each whole sentence: is each gold actor's country
    (or IGO) among the actors resolved in the sentence?"""
    from communique.extract.actors import ActorStage
    from communique.extract.mentions import SpacyMentions
    from communique.model import Article
    from communique.nlp.load import load_nlp

    nlp = load_nlp()
    stage, mentions = ActorStage(), SpacyMentions()
    total = right = 0
    misses: list[str] = []
    for line in (shared / "plover_gsr" / "plover_gsr_cameo.jsonl").open(encoding="utf-8"):
        record = json.loads(line)
        article = Article.from_text(record["text"], date=_iso_date(record.get("date")))
        article.attach_doc(nlp(article.text))
        stage(mentions(article))
        countries = {("IGO" if a.igo else a.country) for a in article.actors}
        for actor in record.get("source_actors", []) + record.get("target_actors", []):
            total += 1
            if _country_of(actor["code"]) in countries:
                right += 1
            else:
                misses.append(f"{actor['actorText']!r} {actor['code']} not in {sorted(c for c in countries if c)}")
    print(f"PLOVER GSR gold actors found among the sentence's actors: country {right / total:.3f} ({right}/{total})")
    for miss in misses[:errors]:
        print("   miss:", miss)


def petr2(shared: Path, errors: int) -> None:
    from communique.extract.actors import ActorStage
    from communique.extract.mentions import SpacyMentions
    from communique.model import Article
    from communique.nlp.load import load_nlp

    nlp = load_nlp()
    stage, mentions = ActorStage(), SpacyMentions()
    total = right = sector_total = sector_right = 0
    misses: list[str] = []
    for line in (shared / "petr2_gsr" / "petr2_gsr.jsonl").open(encoding="utf-8"):
        record = json.loads(line)
        article = Article.from_text(record["text"], date=_iso_date(record.get("date")))
        article.attach_doc(nlp(article.text))
        stage(mentions(article))
        countries = {("IGO" if a.igo else a.country) for a in article.actors}
        codes = {(a.country, a.sector) for a in article.actors}
        for event in record["expected"]:
            for role in ("source", "target"):
                gold = event.get(role)
                if not isinstance(gold, str) or len(gold) < 3 or gold == "---":
                    continue
                if gold[:3] != "---":  # "---REB": rebels of no stated country
                    total += 1
                    hit = _country_of(gold) in countries
                    right += hit
                    if not hit:
                        misses.append(f"{gold} not in {sorted(c for c in countries if c)}: {record['text'][:90]}")
                if len(gold) >= 6 and not gold.startswith(("IGO", "IMG", "NGO")):
                    sector_total += 1
                    if gold[:3] == "---":
                        sector_right += any(sector == gold[3:6] for _c, sector in codes)
                    else:
                        sector_right += (gold[:3], gold[3:6]) in codes
    print(
        f"PETR2 GSR gold actors found among the sentence's actors: country {right / total:.3f} ({right}/{total})",
        end="",
    )
    print(f"; country+sector {sector_right / sector_total:.3f} ({sector_right}/{sector_total})")
    for miss in misses[:errors]:
        print("   miss:", miss)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="the shared data folder")
    parser.add_argument("--errors", type=int, default=20, help="misses to print per gold set")
    args = parser.parse_args()
    plover(args.shared, args.errors)
    plover_in_context(args.shared, args.errors)
    petr2(args.shared, args.errors)


if __name__ == "__main__":
    main()
