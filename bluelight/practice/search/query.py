"""What a search box's text means, the same on every database: the words that count.

Common words are dropped (PostgreSQL's English configuration drops them itself; SQLite's FTS5
would require them), and anything that is not a letter or digit is a separator, so no text a
user types can be read as query syntax by either engine.
"""

from __future__ import annotations

import re
from collections import Counter

STOP_WORDS = frozenset(
    [
        "a",
        "about",
        "after",
        "all",
        "also",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "been",
        "before",
        "being",
        "between",
        "both",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "for",
        "from",
        "had",
        "has",
        "have",
        "how",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "more",
        "most",
        "no",
        "not",
        "of",
        "on",
        "or",
        "other",
        "our",
        "out",
        "over",
        "so",
        "such",
        "than",
        "that",
        "the",
        "their",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "to",
        "under",
        "up",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "will",
        "with",
        "would",
        "you",
        "your",
    ]
)
WORD = re.compile(r"[^\W_]+", re.UNICODE)
MAX_TERMS = 12


def terms(text: str) -> list[str]:
    """The distinct words of `text` that are worth matching, in the order written."""
    seen: list[str] = []
    for word in WORD.findall(text.lower()):
        if word not in STOP_WORDS and word not in seen and len(word) < 40:
            seen.append(word)
    return seen[:MAX_TERMS]


def distinctive_terms(title: str, body: str, limit: int = 10) -> list[str]:
    """For "more like this": the title's words, then the body's most repeated words."""
    chosen = [t for t in terms(title) if not t.isdigit()]
    counts = Counter(w for w in WORD.findall(body.lower()) if w not in STOP_WORDS and len(w) > 3 and not w.isdigit())
    for word, _ in counts.most_common():
        if len(chosen) >= limit:
            break
        if word not in chosen:
            chosen.append(word)
    return chosen[:limit]
