"""Web page furniture is blanked before parsing, with every offset kept."""

from __future__ import annotations

from typing import Any

import pytest

from communique.nlp.boilerplate import mask_boilerplate


@pytest.mark.parametrize(
    ("text", "gone", "kept"),
    [
        ("Slideshow (3 Images) Estonia recalled its envoy.", "Slideshow", "Estonia recalled its envoy."),
        (
            "Image copyright Oslo Wire Image caption Fishermen blocked the harbour at dawn",
            "Oslo Wire",
            "Fishermen blocked the harbour at dawn",
        ),
        (
            "JUST WATCHED Baltic ferry talks stall Replay More Videos ... MUST WATCH Baltic ferry talks stall 02:10",
            "ferry",
            "",
        ),
        ("Story Continued Below The envoy left Riga.", "Continued", "The envoy left Riga."),
        ("The envoy met farmers. (Photo: Ilze Kalna/Getty Images)", "Kalna", "The envoy met farmers."),
        # a caption credit with no capitalised "Image" anywhere else in the text
        ("Enlarge this image toggle caption Ilze Kalna/Riga Wire\nThe envoy left.", "Kalna", "The envoy left."),
        (
            "Get the Baltic newsletter Sign up today for our briefings\nThe envoy left.",
            "briefings",
            "The envoy left.",
        ),
        # negative: ordinary prose, even with the same words, is untouched
        ("The minister saw a slideshow of images from the flooded valley.", "", "slideshow of images"),
    ],
)
def test_boilerplate_is_blanked_with_offsets_kept(text: str, gone: str, kept: str) -> None:
    masked = mask_boilerplate(text)
    assert len(masked) == len(text)
    assert (gone not in masked) if gone else masked == text
    assert kept in masked


def test_boilerplate_is_no_speaker(pipeline: Any) -> None:
    article = pipeline.process_text("Slideshow (2 Images)\n\nThe Latvian minister said the talks would resume.")
    assert all(a.name != "Slideshow" for a in article.actors)
    assert article.text.startswith("Slideshow (2 Images)")  # the stored text is unchanged


def test_boilerplate_credit_is_no_part_of_the_speaker(pipeline: Any) -> None:
    article = pipeline.process_text("Image copyright Riga Wire Image caption Fishermen said the harbour was closed.")
    assert [q.speaker.text for q in article.quotes] == ["Fishermen"]
    assert all(q.speaker.name != "Riga" for q in article.quotes)
