"""The HTTP API end to end: a real `communique serve` over a database built by `communique process`.

Extraction stages (actors, quotes, events) land separately; these tests hold for whatever the
pipeline stores (empty tables included) and check the contract shape of every record present.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.e2e.api_served import Served

ARTICLE_FIELDS = {
    "id", "source_id", "date", "publisher", "relayed_from", "title", "url", "source_path", "duplicate_of",
}  # fmt: skip
EVENT_FIELDS = {
    "id", "article_id", "type", "mode", "context", "cameo", "goldstein", "source", "target", "date",
    "location", "sentence", "trigger", "confidence",
}  # fmt: skip
QUOTE_FIELDS = {"id", "article_id", "text", "start", "end", "type", "cue", "speaker"}
ACTOR_FIELDS = {"id", "name", "kind", "country", "sector", "igo", "title", "affiliation", "code"}


@pytest.fixture(scope="module")
def client(served: Served) -> Any:
    with served.client() as c:
        yield c


def test_api_openapi_lists_every_endpoint(client: httpx.Client) -> None:
    spec = client.get("/openapi.json").json()
    paths = set(spec["paths"])
    for path in (
        "/articles", "/articles/{article_id}", "/events", "/events/{event_id}", "/actors", "/actors/{actor_id}",
        "/quotes", "/dyads", "/dyads/{a}/{b}/timeline", "/network", "/stats",
    ):  # fmt: skip
        assert path in paths, path
    assert "post" in spec["paths"]["/articles"]


def test_api_docs_page_loads_only_packaged_assets(client: httpx.Client) -> None:
    page = client.get("/docs")
    assert page.status_code == 200
    assert "http://" not in page.text and "https://" not in page.text  # no CDN
    for asset in ("/static/vendor/swagger-ui/swagger-ui-bundle.js", "/static/docs.js", "/static/app.js"):
        assert client.get(asset).status_code == 200, asset


@pytest.mark.parametrize(
    ("params", "expect_example"),
    [
        ({"q": "Azerbaijan"}, True),
        ({"q": "azerbaijan GUMINSKY"}, True),
        ({"q": "Azerbaijan", "publisher": "trend"}, True),
        ({"q": "Azerbaijan", "from": "2018-11-14", "to": "2018-11-14"}, True),
        ({"q": "Azerbaijan", "to": "2018-11-13"}, False),
        ({"q": "zzqx-no-such-word"}, False),
    ],
)
def test_api_articles_search_filters(
    client: httpx.Client, example_id: str, params: dict[str, str], expect_example: bool
) -> None:
    response = client.get("/articles", params=params)
    assert response.status_code == 200
    ids = [a["id"] for a in response.json()["items"]]
    assert (example_id in ids) is expect_example


def test_api_article_detail_has_text_and_spans(client: httpx.Client, example_id: str) -> None:
    article = client.get(f"/articles/{example_id}").json()
    assert set(article) >= ARTICLE_FIELDS
    assert article["date"] == "2018-11-14" and article["publisher"] == "Trend"
    text = article["text"]
    assert "Viktor Guminsky" in text
    assert article["mentions"], "spaCy mentions are always stored"
    for m in article["mentions"]:
        assert text[m["start"] : m["end"]] == m["text"]
    for q in article["quotes"]:
        assert set(q) >= QUOTE_FIELDS
        assert text[q["start"] : q["end"]] == q["text"]
    for e in article["events"]:
        assert set(e) >= EVENT_FIELDS
        assert text[e["trigger"]["start"] : e["trigger"]["end"]] == e["trigger"]["text"]


def test_api_pagination_walks_every_article_once(client: httpx.Client) -> None:
    everything = [a["id"] for a in client.get("/articles", params={"limit": 500}).json()["items"]]
    seen: list[str] = []
    cursor = None
    for _ in range(100):
        page = client.get("/articles", params={"limit": 7, **({"cursor": cursor} if cursor else {})}).json()
        assert page["limit"] == 7 and len(page["items"]) <= 7
        seen += [a["id"] for a in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == everything
    assert len(set(seen)) == len(seen) == client.get("/stats").json()["counts"]["articles"] > 7


@pytest.mark.parametrize("how", ["query", "accept"])
@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_api_list_downloads(client: httpx.Client, fmt: str, how: str) -> None:
    total = client.get("/stats").json()["counts"]["articles"]
    media = {"csv": "text/csv", "jsonl": "application/x-ndjson"}[fmt]
    if how == "query":
        response = client.get("/articles", params={"format": fmt})
    else:
        response = client.get("/articles", headers={"Accept": media})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(media)
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(response.text)))
        assert set(rows[0]) >= ARTICLE_FIELDS
    else:
        rows = [json.loads(line) for line in response.text.splitlines()]
        assert set(rows[0]) >= ARTICLE_FIELDS
    assert len(rows) == total


def test_api_download_with_limit_gives_next_cursor_header(client: httpx.Client) -> None:
    response = client.get("/articles", params={"format": "jsonl", "limit": 5})
    assert len(response.text.splitlines()) == 5
    cursor = response.headers["x-next-cursor"]
    nxt = client.get("/articles", params={"limit": 5, "cursor": cursor}).json()["items"]
    assert json.loads(response.text.splitlines()[-1])["id"] not in {a["id"] for a in nxt}


@pytest.mark.parametrize(
    ("path", "params"),
    [
        ("/events", {}),
        ("/events", {"type": "CONSULT,SUPPORT", "dyad": "AZE,BLR", "from": "2018-01-01", "min_confidence": "0.1"}),
        ("/events", {"source": "BLR", "target": "AZE"}),
        ("/events", {"country": "AZE", "format": "csv"}),
        ("/actors", {}),
        ("/actors", {"q": "azerbaijan", "kind": "country", "country": "AZE"}),
        ("/quotes", {}),
        ("/quotes", {"speaker": "Guminsky", "q": "cooperation"}),
        ("/dyads", {}),
        ("/dyads/AZE/BLR/timeline", {"by": "week"}),
        ("/network", {"level": "country", "min_events": "1"}),
        ("/network", {}),
        ("/stats", {}),
    ],
)
def test_api_lists_answer_for_whatever_is_stored(client: httpx.Client, path: str, params: dict[str, str]) -> None:
    response = client.get(path, params=params)
    assert response.status_code == 200, response.text
    if params.get("format") == "csv":
        return
    body = response.json()
    for item in body.get("items", []) if isinstance(body, dict) else []:
        fields = {"/events": EVENT_FIELDS, "/quotes": QUOTE_FIELDS, "/actors": ACTOR_FIELDS}[path]
        assert fields <= set(item)


def test_api_event_and_actor_details_resolve_listed_ids(client: httpx.Client) -> None:
    for event in client.get("/events", params={"limit": 3}).json()["items"]:
        assert client.get(f"/events/{event['id']}").json()["id"] == event["id"]
    for actor in client.get("/actors", params={"limit": 3}).json()["items"]:
        profile = client.get(f"/actors/{actor['id']}").json()
        assert profile["id"] == actor["id"] and profile["n_mentions"] == actor["n_mentions"]


@pytest.mark.parametrize(
    ("path", "params", "status", "words"),
    [
        ("/articles/0000000000000000", {}, 404, "no article"),
        ("/events/nope", {}, 404, "no event"),
        ("/actors/nope", {}, 404, "no actor"),
        ("/articles", {"from": "2018-13-01"}, 422, "from"),
        ("/articles", {"to": "yesterday"}, 422, "to"),
        ("/articles", {"from": "2019-01-01", "to": "2018-01-01"}, 422, "before"),
        ("/articles", {"limit": "100000"}, 422, "limit"),
        ("/articles", {"limit": "0"}, 422, "limit"),
        ("/articles", {"limit": "ten"}, 422, "limit"),
        ("/articles", {"cursor": "bm90LWEtY3Vyc29y"}, 422, "cursor"),
        ("/articles", {"format": "xml"}, 422, "format"),
        ("/events", {"type": "FOO"}, 422, "PLOVER"),
        ("/events", {"dyad": "AZE"}, 422, "dyad"),
        ("/events", {"min_confidence": "2"}, 422, "min_confidence"),
        ("/actors", {"kind": "planet"}, 422, "kind"),
        ("/actors", {"country": "azerbaijan"}, 422, "country"),
        ("/dyads/AZE/BLR/timeline", {"by": "hour"}, 422, "by"),
        ("/network", {"min_events": "-1"}, 422, "min_events"),
        ("/network", {"level": "galaxy"}, 422, "level"),
    ],
)
def test_api_bad_requests_get_clear_4xx(
    client: httpx.Client, path: str, params: dict[str, str], status: int, words: str
) -> None:
    response = client.get(path, params=params)
    assert response.status_code == status, response.text
    assert words.lower() in response.text.lower()
    assert "Traceback" not in response.text and "duckdb" not in response.text.lower()


HOSTILE = [
    "' OR '1'='1",
    "'; DROP TABLE articles; --",
    '" OR ""="',
    "1; SELECT * FROM errors",
    "../../../../etc/passwd",
    "..%2F..%2Fetc%2Fpasswd",
    "%00",
    "\x00",
    "\u202e\u200d",
    "<script>alert(1)</script>",
    "A" * 5000,
    "1e309",
    "[]",
    '{"$ne": null}',
]
# Every filter of every list endpoint.
FILTERS = [
    ("/articles", p) for p in ("q", "from", "to", "publisher", "limit", "cursor", "format")
] + [
    ("/events", p)
    for p in (
        "type", "source", "target", "country", "dyad", "from", "to", "min_confidence", "article",
        "include_duplicates", "limit", "cursor",
    )
] + [("/actors", p) for p in ("q", "kind", "country", "limit", "cursor")] + [
    ("/quotes", p) for p in ("speaker", "q", "from", "to", "article", "limit", "cursor")
] + [("/dyads", p) for p in ("limit", "directed")] + [
    ("/dyads/AZE/BLR/timeline", p) for p in ("by", "from", "to")
] + [("/network", p) for p in ("from", "to", "min_events", "level", "max_edges")]  # fmt: skip


def test_api_hostile_filter_values_get_4xx_or_nothing_and_change_nothing(client: httpx.Client) -> None:
    before = client.get("/stats").json()["counts"]
    seen_status: set[int] = set()
    for path, param in FILTERS:
        for value in HOSTILE:
            response = client.get(path, params={param: value})
            seen_status.add(response.status_code)
            assert response.status_code in (200, 422), (path, param, value[:40], response.text[:200])
            assert "Traceback" not in response.text
            if (
                response.status_code == 200
                and param in ("q", "publisher", "speaker")
                and "json" in response.headers["content-type"]
            ):
                assert response.json()["items"] == [], (path, param, value[:40])
    for path in ("/articles/' OR 1=1 --", "/actors/../../etc/passwd", "/events/%27%3B%20DROP%20TABLE%20events"):
        response = client.get(path)
        assert response.status_code in (404, 422), path
    assert client.get("/stats").json()["counts"] == before
    assert 422 in seen_status


def test_api_cors_is_closed_by_default(client: httpx.Client) -> None:
    response = client.get("/articles", headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in response.headers
    preflight = client.options(
        "/articles", headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "GET"}
    )
    assert "access-control-allow-origin" not in preflight.headers


def test_api_rejects_foreign_host_header(client: httpx.Client) -> None:
    # A DNS-rebinding page reaches the loopback server under its own host name.
    assert client.get("/stats", headers={"Host": "evil.example"}).status_code == 400


@pytest.mark.parametrize("path", ["/ui/", "/articles", "/docs"])
def test_api_security_headers(client: httpx.Client, path: str) -> None:
    headers = client.get(path).headers
    assert "default-src 'self'" in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["x-frame-options"] == "DENY"


@pytest.mark.parametrize(
    ("headers", "body", "status"),
    [
        ({}, b"Some text.", 401),
        ({"Authorization": "Bearer wrong"}, b"Some text.", 401),
        ({"Authorization": "Basic dXNlcjpwYXNz"}, b"Some text.", 401),
        ({"Authorization": "TOKEN", "Content-Type": "application/pdf"}, b"%PDF", 415),
        ({"Authorization": "TOKEN", "Content-Type": "text/plain"}, b"", 422),
        ({"Authorization": "TOKEN", "Content-Type": "text/plain"}, b"x" * 10_000_001, 413),
    ],
)
def test_api_ingest_refuses_bad_requests(served: Served, headers: dict[str, str], body: bytes, status: int) -> None:
    headers = {k: (f"Bearer {served.token}" if v == "TOKEN" else v) for k, v in headers.items()}
    before = httpx.get(f"{served.url}/stats").json()["counts"]
    response = httpx.post(f"{served.url}/articles", content=body, headers=headers, timeout=30)
    assert response.status_code == status, response.text
    assert httpx.get(f"{served.url}/stats").json()["counts"] == before


def test_api_ingest_runs_the_pipeline_and_is_idempotent(served: Served) -> None:
    text = (
        "date 2020-03-02 By Trend\n\n"
        "Kazakhstan and Mongolia signed an agreement on water resources in Astana on Monday, "
        "Kazinform reported. \u201cThis is a milestone for our peoples,\u201d the foreign minister said.\n"
    )
    auth = {"Authorization": f"Bearer {served.token}", "Content-Type": "text/plain", "X-Filename": "water.txt"}
    first = httpx.post(f"{served.url}/articles", content=text.encode(), headers=auth, timeout=120)
    assert first.status_code == 200, first.text
    result = first.json()
    assert result["stored"] == 1 and result["failed"] == 0 and len(result["ids"]) == 1
    article = httpx.get(f"{served.url}/articles/{result['ids'][0]}").json()
    assert article["date"] == "2020-03-02" and article["publisher"] == "Trend"
    assert article["source_path"] == "POST /articles:water.txt"
    assert article["mentions"], "the real pipeline ran (spaCy mentions)"
    found = httpx.get(f"{served.url}/articles", params={"q": "Mongolia water"}).json()["items"]
    assert result["ids"][0] in [a["id"] for a in found]
    again = httpx.post(f"{served.url}/articles", content=text.encode(), headers=auth, timeout=120).json()
    assert again["stored"] == 0 and again["skipped"] == 1


def test_api_ingest_disabled_without_allow_ingest(api_db: Path) -> None:
    from fastapi.testclient import TestClient

    from communique.api import create_app

    app = create_app(api_db, allow_ingest=False, allowed_hosts=["*"])
    with TestClient(app) as local:
        response = local.post("/articles", content=b"text", headers={"Authorization": "Bearer x"})
        assert response.status_code == 403
        assert "--allow-ingest" in response.json()["detail"]
        assert local.get("/stats").json()["ingest_enabled"] is False


def test_api_dyad_timeline_agrees_with_events_and_dyad_queries(client: httpx.Client, api_db: Path) -> None:
    from communique.store import open_store

    dyads = client.get("/dyads", params={"limit": 3}).json()
    with open_store(api_db, read_only=True) as store:  # the server never holds the live file
        reference = {(d["a"], d["b"]): store.dyad_series(d["a"], d["b"], by="month") for d in dyads}
    for dyad in dyads:
        a, b = dyad["a"], dyad["b"]
        timeline = client.get(f"/dyads/{a}/{b}/timeline", params={"by": "month"}).json()
        listed = [
            json.loads(line)
            for line in client.get("/events", params={"dyad": f"{a},{b}", "format": "jsonl"}).text.splitlines()
        ]
        assert len(listed) == dyad["events"]
        assert timeline["total"] == sum(1 for e in listed if e["date"])
        expected = {r["period"]: r for r in reference[(a, b)]}
        assert [bucket["period"] for bucket in timeline["buckets"]] == list(expected)
        for bucket in timeline["buckets"]:
            ref = expected[bucket["period"]]
            assert bucket["events"] == sum(bucket["counts"].values()) == ref["events"]
            assert round(bucket["goldstein_sum"], 3) == ref["goldstein_sum"]
            for key in ("a_to_b", "b_to_a", "verbal_coop", "material_coop", "verbal_conflict", "material_conflict"):
                assert bucket[key] == ref[key], key


@pytest.mark.parametrize(
    "flt",
    [
        {},
        {"types": ["CONSULT", "COOPERATE", "SUPPORT"]},
        {"dyad": ("AZE", "BLR")},
        {"dyad": ("CIS", "AZE")},
        {"source": "AZE", "target": "CIS"},
        {"source": "BLR"},
        {"country": "AZE", "min_confidence": 0.1},
        {"country": "cis"},
        {"include_duplicates": True},
        {"dyad": ("AZE", "CIS"), "include_duplicates": True},
    ],
)
def test_api_prepared_copy_answers_like_the_plain_store(api_db: Path, tmp_path: Path, flt: dict[str, Any]) -> None:
    """The server's reshaped copy (sorted, keyed, dyad table) returns what the plain store does."""
    import shutil

    from communique.store import open_store
    from communique.store.reads import EventFilter

    shutil.copyfile(api_db, tmp_path / "plain.duckdb")
    shutil.copyfile(api_db, tmp_path / "prepared.duckdb")
    with open_store(tmp_path / "plain.duckdb") as plain, open_store(tmp_path / "prepared.duckdb") as prepared:
        prepared.prepare_for_reads()
        for limit in (3, 500):
            got = prepared.list_events(EventFilter(**flt), limit)
            want = plain.list_events(EventFilter(**flt), limit)
            drop = ("article_title", "article_date")
            assert [{k: v for k, v in r.items() if k not in drop} for r in got] == want
        if "dyad" in flt:
            a, b = flt["dyad"]
            assert prepared.dyad_type_series(a, b, "day") == plain.dyad_type_series(a, b, "day")


def test_api_ingest_answers_503_while_another_process_writes(served: Served) -> None:
    from communique.store import open_store

    auth = {"Authorization": f"Bearer {served.token}", "Content-Type": "text/plain"}
    with open_store(served.db):  # this test process now holds the write lock, like `process`
        assert httpx.get(f"{served.url}/stats").status_code == 200  # reads go on (snapshot)
        busy = httpx.post(f"{served.url}/articles", content=b"Belarus and Azerbaijan met.", headers=auth, timeout=60)
    assert busy.status_code == 503, busy.text
    assert busy.headers["retry-after"] == "5"
    assert "retry" in busy.json()["detail"]


@pytest.mark.parametrize(
    ("path", "columns"),
    [
        ("/events", {"source_actor_id", "source_country", "target_country", "trigger_start", "trigger_text",
                     "sentence_start", "location_name", "lat", "lon", "confidence", "article_title"}),
        ("/quotes", {"speaker_name", "speaker_actor_id", "speaker_start", "cue", "cue_start", "cue_end"}),
        ("/actors", {"id", "name", "kind", "country", "code", "n_mentions"}),
    ],
)  # fmt: skip
def test_api_csv_columns_follow_the_table_columns(client: httpx.Client, path: str, columns: set[str]) -> None:
    header = next(csv.reader(io.StringIO(client.get(path, params={"format": "csv"}).text)))
    assert columns <= set(header), columns - set(header)
