"""The FastAPI application: JSON API, dashboard and docs over one database file.

``create_app`` wires the pieces: a :class:`~communique.api.snapshot.SnapshotReader` for
reads (safe while ``communique process`` writes), the routes, the ingest endpoint (off
unless ``allow_ingest``), the dashboard's static files, and the hardening:

- errors are JSON ``{"detail": ...}``; validation errors list the parameter and the reason
  (never the submitted value back); anything unexpected is a bare 500 without a traceback;
- request bodies are capped (:data:`~communique.api.ingest.MAX_BODY_BYTES`), pages too;
- no CORS headers unless origins are given; ``Host`` must be one the server answers to
  (stops DNS-rebinding pages from reading a loopback server);
- a strict Content-Security-Policy (the dashboard loads only its own files), ``nosniff``,
  no framing, no referrer.
"""

from __future__ import annotations

import contextlib
import logging
import secrets
from collections.abc import AsyncIterator, Sequence
from importlib import resources
from pathlib import Path
from typing import Annotated, Any

from fastapi import FastAPI, Header, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.cors import CORSMiddleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from communique import __version__
from communique.api import models as m
from communique.api.ingest import INGEST_MEDIA, MAX_BODY_BYTES, Ingestor, is_busy
from communique.api.routes import router
from communique.api.snapshot import SnapshotReader
from communique.config import Settings, load_settings
from communique.errors import CommuniqueError, QueryError, StoreError

__all__ = ["create_app", "web_root"]

log = logging.getLogger("communique.api")

_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
    "frame-ancestors 'none'; form-action 'self'"
)
_SECURITY_HEADERS = {
    "Content-Security-Policy": _CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
}

_DESCRIPTION = """
Read the communique knowledge base: articles, actors, quotes and PLOVER/CAMEO events.

* Records use the field names of the export contract (`docs/export-contract.md`).
* Lists are pages: pass `next_cursor` back as `cursor`; `limit` is at most 500.
* Any list downloads as CSV or JSON Lines with `?format=csv|jsonl` (or an `Accept` header);
  a download without `limit` streams every matching row.
* `POST /articles` processes posted text when the server runs with `--allow-ingest`
  (bearer token printed at start).
"""


class _Harden:
    """Pure ASGI middleware: refuse oversized bodies early, add the security headers.

    (Starlette's ``BaseHTTPMiddleware`` would cost about a millisecond per request.)
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.headers = [(k.lower().encode(), v.encode()) for k, v in _SECURITY_HEADERS.items()]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = dict(scope["headers"]).get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > MAX_BODY_BYTES):
            response = JSONResponse(
                {"detail": f"request body too large: at most {MAX_BODY_BYTES:,} bytes"}, status_code=413
            )
            await response(scope, receive, self._with_headers(send))
            return
        await self.app(scope, receive, self._with_headers(send))

    def _with_headers(self, send: Send) -> Send:
        async def sender(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [h for h in self.headers if h[0] not in present]
            await send(message)

        return sender


def web_root() -> Path:
    """The packaged dashboard folder (``communique/web``)."""
    return Path(str(resources.files("communique").joinpath("web")))


def create_app(
    db: str | Path,
    allow_ingest: bool = False,
    token: str | None = None,
    refresh_seconds: float = 2.0,
    cors_origins: Sequence[str] = (),
    allowed_hosts: Sequence[str] = ("127.0.0.1", "localhost", "::1", "[::1]"),
    settings: Settings | None = None,
) -> FastAPI:
    """Build the application over the database file ``db``.

    Args:
        db: the DuckDB file (it may be written by ``communique process`` meanwhile).
        allow_ingest: enable ``POST /articles``.
        token: the bearer token for ingest (a random one when omitted; see ``app.state.token``).
        refresh_seconds: how often to look for a changed database file.
        cors_origins: origins allowed to read the API from a browser (none by default).
        allowed_hosts: ``Host`` header values accepted (``["*"]`` to accept any).
        settings: pipeline settings for ingest (packaged defaults when omitted).

    Returns:
        The FastAPI app; ``app.state.reader`` is its snapshot reader (close it on shutdown).
    """
    reader = SnapshotReader(db, refresh_seconds=refresh_seconds)

    @contextlib.asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        reader.close()

    app = FastAPI(
        lifespan=lifespan,
        title="communique",
        version=__version__,
        description=_DESCRIPTION,
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    app.state.reader = reader
    app.state.allow_ingest = allow_ingest
    app.state.token = token or secrets.token_urlsafe(32)
    app.state.ingestor = Ingestor(db, settings or load_settings()) if allow_ingest else None

    if cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=list(cors_origins), allow_methods=["GET"])
    if "*" not in allowed_hosts:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts))
    app.add_middleware(_Harden)  # outermost: every response gets the headers

    _install_error_handlers(app)
    app.include_router(router)
    _install_ingest(app)
    _install_web(app)

    return app


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        # Name the parameter and the rule; do not echo the value (it may be huge or hostile).
        errors = [
            {
                "loc": list(e.get("loc", ())),
                "msg": str(e.get("msg", "invalid value")),
                "type": str(e.get("type", "value_error")),
            }
            for e in exc.errors()
        ]
        return JSONResponse({"detail": errors}, status_code=422)

    @app.exception_handler(QueryError)
    async def bad_query(request: Request, exc: QueryError) -> JSONResponse:
        return JSONResponse({"detail": [{"loc": ["query"], "msg": str(exc), "type": "value_error"}]}, status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers)

    @app.exception_handler(CommuniqueError)
    async def store_error(request: Request, exc: CommuniqueError) -> JSONResponse:
        log.error("%s %s failed: %s", request.method, request.url.path, exc)
        return JSONResponse({"detail": "the database could not answer; see the server log"}, status_code=500)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("%s %s failed", request.method, request.url.path)
        return JSONResponse({"detail": "internal server error; see the server log"}, status_code=500)


def _install_ingest(app: FastAPI) -> None:
    body_types = {media: {"schema": {"type": "string"}} for media in INGEST_MEDIA}

    @app.post(
        "/articles",
        response_model=m.IngestResult,
        tags=["articles"],
        summary="Process and store posted articles",
        status_code=200,
        responses={
            401: {"model": m.Message, "description": "Missing or wrong bearer token."},
            403: {"model": m.Message, "description": "Ingest is disabled (start with --allow-ingest)."},
            413: {"model": m.Message, "description": "Body too large."},
            415: {"model": m.Message, "description": "Unsupported Content-Type."},
            503: {"model": m.Message, "description": "Another process is writing the database."},
        },
        openapi_extra={"requestBody": {"required": True, "content": body_types}},
    )
    async def post_articles(
        request: Request,
        authorization: Annotated[str | None, Header(max_length=500)] = None,
        x_filename: Annotated[str | None, Header(max_length=200, pattern=r"^[\w.\- ]*$")] = None,
    ) -> Any:
        """Run the pipeline on the body (wire text, plain text, JSON, JSON Lines, CSV or HTML,
        by `Content-Type`) and store the results. Requires `--allow-ingest` and
        `Authorization: Bearer <token>`."""
        if not app.state.allow_ingest:
            raise HTTPException(403, "ingest is disabled: start the server with 'communique serve --allow-ingest'")
        scheme, _, given = (authorization or "").partition(" ")
        if scheme.lower() != "bearer" or not secrets.compare_digest(given.strip().encode(), app.state.token.encode()):
            raise HTTPException(
                401, "missing or wrong token: send 'Authorization: Bearer <token printed by communique serve>'",
                headers={"WWW-Authenticate": "Bearer"},
            )  # fmt: skip
        media = (request.headers.get("content-type") or "").split(";")[0].strip().lower()
        if media not in INGEST_MEDIA:
            raise HTTPException(415, f"unsupported Content-Type {media[:80]!r}; use one of {', '.join(INGEST_MEDIA)}")
        chunks: list[bytes] = []
        size = 0
        async for chunk in request.stream():
            size += len(chunk)
            if size > MAX_BODY_BYTES:
                raise HTTPException(413, f"request body too large: at most {MAX_BODY_BYTES:,} bytes")
            chunks.append(chunk)
        if size == 0:
            raise HTTPException(422, "empty body: post the article text or file content")
        try:
            result = await run_in_threadpool(app.state.ingestor.run, b"".join(chunks), media, x_filename or "request")
        except StoreError as exc:
            if is_busy(exc):
                raise HTTPException(
                    503, "another process is writing the database; retry later", headers={"Retry-After": "5"}
                ) from None
            raise
        await run_in_threadpool(app.state.reader.refresh)
        return result


def _install_web(app: FastAPI) -> None:
    root = web_root()
    app.mount("/static", StaticFiles(directory=root / "static"), name="static")
    index = root / "templates" / "index.html"
    docs = root / "templates" / "docs.html"

    @app.get("/", include_in_schema=False)
    def home() -> RedirectResponse:
        return RedirectResponse("/ui/")

    @app.get("/ui", include_in_schema=False)
    @app.get("/ui/{page:path}", include_in_schema=False)
    def dashboard(page: str = "") -> FileResponse:
        # Every dashboard URL serves the same page; the script renders the view for the path.
        return FileResponse(index, media_type="text/html; charset=utf-8", headers={"Cache-Control": "no-cache"})

    @app.get("/docs", include_in_schema=False)
    def api_docs() -> HTMLResponse:
        return HTMLResponse(docs.read_text(encoding="utf-8"))
