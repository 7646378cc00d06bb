"""The shape of the national overview: its sections in order, and where each initiative begins.

Five sections carry their own "In this section" list; the extraction reads each list from the
text and stops if the outline does not name the same items in the same order (see `_past_list`). The rest (Joint
Control Rooms, the strategic alliances and the wider-collaboration examples, the national annex)
have no list, so their headings are written here as the document writes them. Everything else
(areas, organisations, dates, benefits, figures) is read from the text.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Item:
    title: str
    heading: str = ""  # as written, when it differs from the title
    area: str = ""  # for a named sub-project whose area is written above or beside it
    parent: str = ""  # the umbrella entry's title
    status: str = ""  # when the heading itself says so (FUTURE:, Pilot)
    written_name: str = ""  # a name line to skip in the header (the alliances' capitals)
    opens: str = ""  # where the block begins, when that is before the heading
    note: str = ""  # why the title is not simply the heading
    in_list: str = ""  # how the section's "In this section" list writes it, when not the title

    @property
    def listed(self) -> str:
        return self.in_list or self.title

    @property
    def find(self) -> str:
        return self.opens or self.heading or self.title


@dataclass(frozen=True)
class Section:
    number: int
    name: str
    begins: str  # the first line of the section's own material: its intro or its list
    items: list[Item] = field(default_factory=list)
    annex: bool = False


SA = "Strategic Alliances and Partnerships"
CE, HOUSING, LRF = "Community Engagement", "Housing", "Local Resilience Forums"


def _alliance(title, area, written=None, **kw) -> Item:
    """A named partnership: its area line, then its name in capitals (`written`; "" if it has none)."""
    written = title.upper() if written is None else written
    return Item(title, heading=area, area=area, parent=SA, written_name=written, **kw)


OUTLINE = [
    Section(1, "First Response and Co-responding", "In this section", [
        Item("First Response – Cardiac Arrest"),
        Item("Emergency First Response"),
        Item("Community Safety Responders (Pilot)", status="pilot"),
        Item("Telecare Response Service"),
        Item("Co-responding"),
    ]),
    Section(2, "Demand Management and Rationalisation", "Demand management and the", [
        Item("Forced Entry and Missing People"),
        Item("Revised Policy on Sudden Deaths"),
        Item("Clinical support desk – Triaging calls"),
        Item("Joint Response Unit (JRU)"),
        Item("PCSOs employed as RDS Firefighters (Pilot)", status="pilot"),
        Item("Rural Intervention Vehicles"),
    ]),
    Section(3, "Shared Estates and Assets", "Shared estates and assets facilitate", [
        Item("Shared HQ"),
        Item("Joint Vehicle Workshop"),
        Item("Shared Training Centre"),
        Item("Tri-Service Hub"),
        Item("Joint Facilities"),
        Item("Dynamic Activation Posts (DAPs)"),
        Item("Fleet Procurement", heading="FUTURE: Fleet Procurement", in_list="FUTURE: Fleet Procurement",
             status="future"),
    ]),
    Section(4, "Joint Control Rooms", "Joint Control Rooms", [
        Item("Joint Control Rooms (JCC)"),
    ]),
    Section(5, SA, SA, [
        Item(SA),
        _alliance("Safer Peterborough Partnership", "Cambridgeshire"),
        _alliance("Cheshire Blue Light Collaboration", "Cheshire"),
        _alliance("Joint Strategic Governance Group", "Cleveland"),
        _alliance("Blue Light Integration Board", "Devon and Cornwall"),
        _alliance("Emergency Services Forum (Devon and Cornwall and Avon and Somerset)",
                  "Devon and Cornwall and Avon and Somerset", "EMERGENCY SERVICES FORUM"),
        _alliance("Strategic Alliance (Devon and Cornwall and Dorset)", "Devon and Cornwall and Dorset",
                  "‘STRATEGIC ALLIANCE’"),
        _alliance("The Blue Light Collaboration Programme (Lincolnshire)", "Lincolnshire",
                  "THE BLUE LIGHT COLLABORATION PROGRAMME"),
        _alliance("Emergency Services Collaboration Programme (Merseyside)", "Merseyside",
                  "EMERGENCY SERVICES COLLABROATION PROGRAMME",
                  note="The draft spells it 'COLLABROATION'."),
        _alliance("Interoperability Programme", "Northamptonshire"),
        _alliance("Emergency Services Collaboration Programme (North Wales)", "North Wales",
                  "Emergency Services Collaboration Programme"),
        _alliance("Hertfordshire Community Protection Directorate", "Hertfordshire", "",
                  note="The draft gives this partnership no name; the title is taken from its text."),
        _alliance("Emergency Services Collaboration Programme (Surrey and Sussex)", "Surrey and Sussex",
                  "EMERGENCY SERVICES COLLABROATION PROGRAMME (ESCP)",
                  note="The draft spells it 'COLLABROATION'."),
        _alliance("Emergency Services Forum (South West Region)", "South West Region", "EMERGENCY SERVICES FORUM"),
        _alliance("The Blue Light Collaboration Programme (London)", "London",
                  "THE BLUE LIGHT COLLABORATION PROGRAMME"),
    ]),
    Section(6, "Information Sharing", "In this section", [
        Item("Community Safety – Operation Insight"),
        Item("Information Sharing Protocol and Operational Learning"),
        Item("Embedded Fire Officer into the North West Counter Terrorism Unit and Civil Contingencies "
             "Resilience Unit"),
        Item("Embedded Fire Officers to support CONTEST strategy in London",
             heading="Embedding LFB Fire Officers to support CONTEST strategy",
             note="The section list and the heading word the title differently; the list's wording is used."),
        Item("Joint Control and Dispatch Service", opens="Future", area="Surrey and Sussex", status="future",
             parent="Emergency Services Collaboration Programme (Surrey and Sussex)",
             note="Written as the section's 'Future' note; the Surrey and Sussex programme points to it."),
    ]),
    Section(7, "Wider Collaboration", "Wider Collaboration", [
        Item(CE),
        Item("Community Risk Intervention Team (CRIT)", heading="Community Risk Intervention Team",
             area="Greater Manchester", parent=CE),
        Item("Salford Integrated Prevention Hub", area="Greater Manchester", parent=CE),
        Item("Kent Community Safety Team", area="Kent", parent=CE),
        Item("Braunstone Blues Project", area="Leicestershire", parent=CE),
        Item("Safety Works", area="Northumbria", parent=CE),
        Item("Community Safety – Joint Education Team", area="Essex", parent=CE),
        Item("County Community Safety Unit", area="Hertfordshire", parent=CE),
        Item(HOUSING),
        Item("Houses in Multiple Occupation (HMO) taskforce", area="Derbyshire", parent=HOUSING),
        Item("Hertfordshire Home Safety Service (HHSS)", area="Hertfordshire", parent=HOUSING),
        Item("Parish Safety Volunteers", heading="Home Safety Parish Safety Volunteers", area="Essex",
             parent=HOUSING, note="Written under a 'Home Safety' sub-heading."),
        Item("Specialist Dementia fire safety resources and visits", area="Gloucestershire", parent=HOUSING),
        Item("Joint Collaborative Prevention and Protection Activity", area="Thames Valley", parent=HOUSING),
        Item("Operation Dragoon", area="Northumbria", parent=HOUSING),
        Item(LRF),
        Item("Dorset Civil Contingency Unit (CCU)", area="Dorset", parent=LRF),
        Item("Cleveland Emergency Planning Unit", area="Cleveland", parent=LRF),
        Item("London Local Resilience Forum", area="London", parent=LRF),
    ]),
    Section(8, "National annex", "NPCC/CFOA National Overview", annex=True, items=[
        Item("NPCC/CFOA National Overview of Police and Fire Collaboration", area="England and Wales"),
        Item("Consensus Statement on Improving Health and Wellbeing",
             heading="Consensus Statement on Improving Health and Wellbeing between NHS England, Public Health "
                     "England, Local Government Association Chief Fire Officers Association and Age UK",
             area="England and Wales"),
        Item("Consensus Statement on Saving Lives and Improving Health and Wellbeing (AACE and CFOA)",
             heading="Consensus Statement on Saving Lives and Improving Health and Wellbeing between AACE and "
                     "CFOA – May 2016", area="England and Wales"),
        Item("Managing inter-service demand between Police Forces and Ambulance Trusts",
             heading="Managing inter-service demand between Police Forces and Ambulance Trusts – 22 July 2015",
             area="England and Wales"),
    ]),
]  # fmt: skip

ENDS = "Service Information"  # the directory of each area's leaders follows the annex
