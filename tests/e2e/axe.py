"""axe-core (installed by npm in `make test`, read from node_modules) run in the page under test.

The rules are WCAG 2.0, 2.1 and 2.2 at levels A and AA. The script is evaluated through the
browser's developer protocol, so the pages' Content-Security-Policy (no inline script) stays on.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]

RUN = """async (tags) => {
  const result = await axe.run(document, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]});
  return result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                                      where: v.nodes.slice(0, 3).map(n => n.target.join(" "))}));
}"""


def violations(page) -> list[dict]:
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        if not AXE.exists():
            raise AssertionError(f"axe-core not found at {AXE}: run `make test`, which installs it with npm")
        page.evaluate(AXE.read_text())
    return page.evaluate(RUN, TAGS)


def assert_accessible(page, state: str = "") -> None:
    found = violations(page)
    said = "; ".join(f"{v['id']} ({v['impact']}): {v['help']} at {', '.join(v['where'])}" for v in found)
    assert not found, f"{page.url} {state}: {len(found)} accessibility violation(s): {said}"
