"""Web page furniture in scraped article bodies, blanked before parsing.

News bodies taken from web pages keep the sites' video teasers, photo credits, slideshow
counters and newsletter prompts. They have no sentence punctuation, so the parser runs them
into the next sentence and the stages read them as text: "Slideshow (2 Images)" became a
person who said things, "AFP Image caption Protesters" a speaker, "Sign up for Daily
Newsletters" a signing. :func:`mask_boilerplate` replaces each with blanks of the same length
(a paragraph break at each end), so spaCy sees a break and every offset into the article text
stays valid; the stored text is unchanged.

The patterns and their counts in the 4,540 articles of data/news/world.jsonl (2026-11-29):
CNN video teasers 1,220, BBC image credits 486, NPR caption credits 339, newsletter prompts 427,
"Story Continued Below" 208, "SEE ALSO:" link lines 102, photo credits 96 + 25, Reuters slideshow
counters 81, Politico newsletter prompts 17.
"""

from __future__ import annotations

import re

__all__ = ["mask_boilerplate"]

_BOILERPLATE = re.compile(
    "|".join(
        (
            # CNN: "JUST WATCHED <title> Replay More Videos ... MUST WATCH <title> 04:20"
            r"JUST WATCHED [^\n]*?Replay More Videos \.\.\. MUST WATCH [^\n]*?\d{1,2}:\d{2}",
            # BBC: "Image copyright <credit> Image caption" (the caption after it is text)
            r"Image copyright [^\n]{0,80}?Image caption",
            # NPR: "Enlarge this image toggle caption <credit>" to the end of its line
            r"Enlarge this image (?:toggle|hide) caption[^\n]*",
            # Reuters: "Slideshow (5 Images)"
            r"Slideshow \(\d+ Images?\)",
            # photo credits: "(Photo: Name/AFP/Getty Images)", "| Name/AFP/Getty Images"
            r"\(Photo: [^)\n]{0,80}\)",
            r"\| [^|\n]{0,60}?Getty Images",
            # Politico, Washington Times
            r"Story Continued Below",
            r"SEE ALSO: [^\n]*",
            r"Sign up for Daily Newsletters Manage Newsletters",
            r"Copyright © [^\n]*",
        )
    )
)
# The newsletter prompt paragraph, with up to three words before it. Apart from the others: a
# pattern that opens with a word loop is tried at every word, so it runs only on texts that
# hold its fixed words.
_NEWSLETTER_KEY = "newsletter Sign up today"
_NEWSLETTER = re.compile(r"(?:\w+ ){0,3}newsletter Sign up today[^\n]*")


def mask_boilerplate(text: str) -> str:
    """``text`` with web page furniture blanked out; same length, same offsets.

    Args:
        text: an article body.

    Returns:
        The text with each match of the boilerplate patterns replaced by spaces, with a
        paragraph break (two newlines) at each end when the match is long enough.

    Example:
        >>> mask_boilerplate("Slideshow (2 Images) The talks ended.")
        '\\n\\n                \\n\\n The talks ended.'
    """
    text = _BOILERPLATE.sub(_blank, text)
    if _NEWSLETTER_KEY in text:
        text = _NEWSLETTER.sub(_blank, text)
    return text


def _blank(match: re.Match[str]) -> str:
    """Spaces as long as the match, with two newlines at each end when it has room."""
    length = len(match.group(0))
    if length < 4:
        return " " * length
    return "\n\n" + " " * (length - 4) + "\n\n"
