"""Terminal rendering of one article's extraction (used by ``show`` and ``demo``).

Spans are highlighted in the text: actors by kind, quotes in italics with their speaker,
event triggers in reverse video; tables below list every extraction with its offsets.
"""

from __future__ import annotations

from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from communique.model import Article

__all__ = ["render_article"]

_LABEL_STYLE = {
    "PERSON": "bold cyan",
    "GPE": "bold green",
    "NORP": "green",
    "LOC": "green",
    "FAC": "green",
    "ORG": "bold magenta",
    "IGO": "bold magenta",
    "TITLE": "cyan",
    "EVENT": "yellow",
}


def _highlighted(article: Article) -> Text:
    text = Text(article.text)
    for quote in article.quotes:
        text.stylize("italic bright_blue", quote.start, quote.end)
    for mention in article.mentions:
        text.stylize(_LABEL_STYLE.get(mention.label, "bold"), mention.start, mention.end)
    for quote in article.quotes:
        if quote.speaker.start is not None and quote.speaker.end is not None:
            text.stylize("underline", quote.speaker.start, quote.speaker.end)
    for event in article.events:
        text.stylize("reverse", event.trigger.start, event.trigger.end)
    return text


def render_article(article: Article, max_rows: int = 60) -> RenderableType:
    """A Rich renderable: metadata, highlighted text, and tables of mentions, quotes, events."""
    meta = Text.assemble(
        ("id ", "dim"),
        article.id,
        ("  date ", "dim"),
        str(article.date),
        ("  publisher ", "dim"),
        str(article.publisher),
        ("  relayed from ", "dim"),
        ", ".join(article.relayed_from) or "-",
    )
    parts: list[RenderableType] = [meta]
    if article.title:
        parts.append(Text(article.title, style="bold"))
    parts.append(Panel(_highlighted(article), title="text", title_align="left"))
    if article.mentions:
        table = Table(title="mentions", header_style="bold", expand=True)
        for column in ("text", "label", "span", "actor"):
            table.add_column(column)
        for m in article.mentions[:max_rows]:
            actor = article.actor(m.actor_id)
            who = f"{actor.code or actor.id} ({actor.kind})" if actor else (m.actor_id or "")
            table.add_row(m.text, m.label, f"{m.start}-{m.end}", who)
        parts.append(table)
    if article.quotes:
        table = Table(title="quotes", header_style="bold", expand=True)
        for column in ("type", "speaker", "cue", "quote", "span"):
            table.add_column(column)
        for q in article.quotes[:max_rows]:
            speaker = q.speaker.name or q.speaker.text or "(unattributed)"
            table.add_row(q.type, speaker, q.cue or "", q.text[:160], f"{q.start}-{q.end}")
        parts.append(table)
    if article.events:
        table = Table(title="events", header_style="bold", expand=True)
        for column in ("type", "cameo", "source", "target", "date", "trigger", "conf."):
            table.add_column(column)
        for e in article.events[:max_rows]:
            target = (e.target.name or e.target.country or "") if e.target else ""
            table.add_row(
                f"{e.type}{'/' + e.mode if e.mode else ''}",
                e.cameo or "",
                e.source.name or e.source.country or "",
                target,
                e.date or "",
                e.trigger.text,
                f"{e.confidence:.2f}",
            )
        parts.append(table)
    return Group(*parts)


def print_article(article: Article, console: Console) -> None:
    """Print :func:`render_article` to ``console``."""
    console.print(render_article(article))
