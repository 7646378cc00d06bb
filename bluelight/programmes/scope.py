"""What one person may see in one programme, as database filters every read applies.

Every selector that lists workstreams, ratings, benefits, risks or anything hanging off them
takes a Scope, so pages, totals, reports, exports and the command line count the same records.
The rules themselves are in rules.py; this turns them into querysets.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.db.models import ForeignKey, Q, QuerySet

from bluelight.programmes import rules

OFFICIAL = Q(marking=rules.OFFICIAL)


@dataclass(frozen=True)
class Scope:
    role: str | None
    organisation_id: int | None = None

    @classmethod
    def everything(cls) -> Scope:
        """The system's own view (command line, task worker acting for the office, the tests' fixtures)."""
        return cls(rules.SYSTEM_ADMIN)

    @classmethod
    def public(cls) -> Scope:
        return cls(rules.PUBLIC)

    @property
    def sees_everything(self) -> bool:
        return self.role in rules.SEES_ALL_SENSITIVE

    def _own_or_official(self, owner: str) -> Q:
        if self.role == rules.ORGANISATION_EDITOR and self.organisation_id:
            return OFFICIAL | Q(**{owner: self.organisation_id})
        return OFFICIAL

    def workstreams(self) -> Q:
        return Q() if self.sees_everything else self._own_or_official("lead_organisation_id")

    def benefits(self) -> Q:
        if self.sees_everything:
            return Q()
        return _under("workstream", self.workstreams()) & self._own_or_official("workstream__lead_organisation_id")

    def risks(self) -> Q:
        """A programme-level risk has no owning organisation: marked sensitive, only the office and boards see it."""
        if self.sees_everything:
            return Q()
        mine = self._own_or_official("workstream__lead_organisation_id")
        return (Q(workstream__isnull=True) & OFFICIAL) | (
            Q(workstream__isnull=False) & _under("workstream", self.workstreams()) & mine
        )

    def filter(self, queryset: QuerySet) -> QuerySet:
        """Any queryset of a marked record or of one hanging off it (a rating, a benefit's years, a
        risk's reviews, a paper of a workstream), narrowed to what this scope sees."""
        if self.sees_everything:
            return queryset
        return queryset.filter(self.condition(queryset.model))

    def condition(self, model) -> Q:
        marked = {"programmes.Workstream": self.workstreams, "benefits.Benefit": self.benefits,
                  "governance.Risk": self.risks}  # fmt: skip
        if model._meta.label in marked:
            return marked[model._meta.label]()
        condition = Q()
        for name in ("benefit", "risk", "workstream"):
            field = next((f for f in model._meta.get_fields() if f.name == name and isinstance(f, ForeignKey)), None)
            if field is None:
                continue
            inner = _under(name, self.condition(field.related_model))
            condition &= (Q(**{f"{name}__isnull": True}) | inner) if field.null else inner
        return condition


def _under(prefix: str, condition: Q) -> Q:
    """`condition` (written for a model) applied through the relation `prefix`."""
    if not condition.children:
        return Q()
    moved = Q()
    moved.connector, moved.negated = condition.connector, condition.negated
    for child in condition.children:
        if isinstance(child, Q):
            moved.children.append(_under(prefix, child))
        else:
            key, value = child
            moved.children.append((f"{prefix}__{key}", value))
    return moved


# The kinds of marked record a document can hold: {kind: (model, path from the record to its programme)}.
# Each app adds its own in its AppConfig.ready (workstreams, benefits, risks), so this module need
# not know the apps above it.
MARKED_KINDS: dict[str, tuple[type, str]] = {}


def register_marked(kind: str, model, programme_path: str) -> None:
    MARKED_KINDS[kind] = (model, programme_path)


def highest_marking(programme, scope: Scope, holds=("workstreams", "benefits", "risks")) -> str:
    """The marking a report or export of `programme` made for `scope` must carry: OFFICIAL-SENSITIVE as
    soon as it holds one record so marked, otherwise the site's marking (OFFICIAL by default).
    `holds` names the kinds of record the document shows (an annual report shows no risks)."""
    sensitive = Q(marking=rules.OFFICIAL_SENSITIVE)

    def records(kind: str):
        model, path = MARKED_KINDS[kind]
        return model.objects.filter(sensitive, **{path: programme})

    marked = any(scope.filter(records(kind)).exists() for kind in holds)
    return rules.OFFICIAL_SENSITIVE if marked else settings.BLUELIGHT["PROTECTIVE_MARKING"]
