"""Financial years run April to March and are shown as 2023/24; `2023` stands for 2023/24."""

import re

_LABEL = re.compile(r"^(\d{4})[/-](\d{2})$")


def label(start_year: int) -> str:
    return f"{start_year}/{(start_year + 1) % 100:02d}"


def parse(text: str) -> int:
    """'2023/24' or '2023-24' -> 2023. Refuses a label whose second part does not follow the first."""
    match = _LABEL.match(text.strip())
    if not match or (int(match.group(1)) + 1) % 100 != int(match.group(2)):
        raise ValueError(f"{text!r} is not a financial year such as 2023/24")
    return int(match.group(1))
