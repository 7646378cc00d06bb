import datetime

import pytest

from bluelight.core.history import Actor
from bluelight.core.models import HistoryEntry, Organisation, User
from bluelight.governance import services as governance
from bluelight.programmes import services as programme_services
from bluelight.programmes.models import Programme, ProgrammeMembership
from bluelight.status import services as status_services

PASSWORD = "a-long-test-password-1"


@pytest.fixture(autouse=True)
def _new_data_version():
    """Each test's database is new (and ids may repeat), so nothing cached by another test may be read."""
    from bluelight.core import versions

    versions.changed()


@pytest.fixture
def system():
    return Actor.system(HistoryEntry.Channel.SYSTEM)


@pytest.fixture
def demo(db):
    """The two demo programmes, loaded as `bluelight load-demo` loads them."""
    from bluelight.demo import load_demo

    load_demo(say=lambda line: None)
    return Programme.objects.get(slug="essex-police-collaboration")


@pytest.fixture(scope="session")
def template(tmp_path_factory, django_db_setup):
    """A database with the demo, made once through the `bluelight` command (see tests/integration/scratch.py)."""
    from tests.integration import scratch as scratches

    made = scratches.make_template(tmp_path_factory.mktemp("template"))
    yield made
    scratches.drop(made)


@pytest.fixture
def scratch(template, tmp_path):
    """A copy of the template database of one's own, for work run in another process."""
    from tests.integration import scratch as scratches

    made = scratches.copy_of(template, tmp_path / "data")
    yield made
    scratches.drop(made)


def make_user(username, organisation=None, programme=None, role=None, **extra):
    user = User.objects.create_user(username, password=PASSWORD, organisation=organisation, **extra)
    if programme is not None:
        ProgrammeMembership.objects.create(programme=programme, user=user, role=role)
    return user


@pytest.fixture
def small_programme(db, system):
    """A programme worked out by hand in the tests: two sections, three workstreams, two periods."""
    police = programme_services.organisation_create(actor=system, name="Test Police", short_code="TP", kind="police")
    fire = programme_services.organisation_create(actor=system, name="Test Fire", short_code="TF", kind="fire")
    programme = programme_services.programme_create(
        actor=system,
        name="Test programme",
        slug="test",
        cycle_start_year=2020,
        cycle_end_year=2029,
        partners=[police, fire],
    )
    local = programme_services.section_create(actor=system, programme=programme, name="Local")
    regional = programme_services.section_create(actor=system, programme=programme, name="Regional")
    make = programme_services.workstream_create
    hubs = make(actor=system, programme=programme, key="hubs", title="Hubs", section=local, lead_organisation=police)
    fleet = make(actor=system, programme=programme, key="fleet", title="Fleet", section=local, lead_organisation=fire)
    control = make(
        actor=system,
        programme=programme,
        key="control",
        title="Control room",
        section=regional,
        lead_organisation=police,
    )
    y1 = status_services.period_create(
        actor=system,
        programme=programme,
        label="2022",
        starts_on=datetime.date(2022, 1, 1),
        ends_on=datetime.date(2022, 12, 31),
    )
    y2 = status_services.period_create(
        actor=system,
        programme=programme,
        label="2023",
        starts_on=datetime.date(2023, 1, 1),
        ends_on=datetime.date(2023, 12, 31),
    )
    return {
        "programme": programme, "police": police, "fire": fire, "hubs": hubs, "fleet": fleet, "control": control,
        "2022": y1, "2023": y2, "local": local, "regional": regional,
    }  # fmt: skip


@pytest.fixture
def office(db, small_programme):
    return make_user("office", small_programme["police"], small_programme["programme"], "programme_admin")


@pytest.fixture
def fire_editor(small_programme):
    return make_user("fire.editor", small_programme["fire"], small_programme["programme"], "organisation_editor")


@pytest.fixture
def signed_in(client, office):
    client.force_login(office)
    return client


@pytest.fixture
def board_setup(small_programme, system):
    p = small_programme
    programme = p["programme"]
    board = governance.board_create(
        actor=system, programmes=[programme], name="Joint Board", key="joint-board", chair="PFCC", cadence="bimonthly"
    )
    chief = governance.member_add(actor=system, board=board, name="Chief Constable", organisation=p["police"])
    first = governance.meeting_create(
        actor=system, board=board, programme=programme, held_on=datetime.date(2024, 1, 18)
    )
    second = governance.meeting_create(
        actor=system, board=board, programme=programme, held_on=datetime.date(2024, 3, 21)
    )
    risk = dict(cause="c", event="e", effect="f", owner="Estates lead")
    # R1: 3 × 4 = 12 at the first meeting, raised to 4 × 4 = 16 on 1 February: "Up from 12" at the second.
    r1 = governance.risk_create(
        actor=system, programme=programme, workstream=p["hubs"], title="Vetting delays the move", **risk,
        inherent_likelihood=4, inherent_impact=4, residual_likelihood=3, residual_impact=4, reviewed_on=datetime.date(2024, 1, 2),
    )  # fmt: skip
    governance.risk_update(actor=system, risk=r1, expected_version=r1.version, residual_likelihood=4,
                           reviewed_on=datetime.date(2024, 2, 1))  # fmt: skip
    # R2: 3 × 5 = 15 since before the first meeting: "No change".
    r2 = governance.risk_create(
        actor=system, programme=programme, title="Control systems cannot be joined", **risk,
        inherent_likelihood=4, inherent_impact=5, residual_likelihood=3, residual_impact=5, reviewed_on=datetime.date(2024, 1, 2),
    )  # fmt: skip
    # R3: 2 × 3 = 6, below the threshold of 12: not in the pack's list.
    r3 = governance.risk_create(
        actor=system, programme=programme, title="Fleet downtime", **risk,
        inherent_likelihood=2, inherent_impact=3, residual_likelihood=2, residual_impact=3, reviewed_on=datetime.date(2024, 1, 2),
    )  # fmt: skip
    return {**p, "board": board, "chief": chief, "first": first, "second": second, "r1": r1, "r2": r2, "r3": r3}


__all__ = ["Organisation", "PASSWORD", "make_user"]
