"""The demo's bills: real enacted state laws (Colorado's SB 20-217, New Mexico's HB 4,
Connecticut's statute), the federal bills from the campaign's bill list (through the importer
editors use), and one invented bill in committee, marked as a sample, so that a letter that
follows its bill can be seen at every step."""

import datetime

from django.conf import settings
from wagtail.models import Locale

from states.bill_import import BillDataError, import_bills
from states.models import Bill, BillStatus, BillStatusChange, Stance, StateCommittee

from .phrases import sync_translations, tr

CO_BILL = "https://leg.colorado.gov/bills/sb20-217"
NM_BILL = "https://www.nmlegis.gov/Legislation/Legislation?chamber=H&legType=B&legNo=4&year=21"
CT_STATUTE = "https://www.cga.ct.gov/current/pub/chap_925.htm#sec_52-571k"

BILLS = [
    {
        "jurisdiction": "CO",
        "number": "SB20-217",
        "session": tr("2020 regular session", "Sesión ordinaria de 2020"),
        "title": tr("Enhance Law Enforcement Integrity", "Mejorar la integridad policial"),
        "summary": tr(
            "Created a right to sue peace officers for violating rights in Colorado's "
            "constitution, without qualified immunity, along with body cameras and new rules on "
            "the use of force.",
            "Creó el derecho a demandar a los agentes del orden por violar derechos de la "
            "constitución de Colorado, sin inmunidad calificada, junto con cámaras corporales y "
            "nuevas reglas sobre el uso de la fuerza.",
        ),
        "sponsor": "Sen. Leroy Garcia, Sen. Rhonda Fields, Rep. Leslie Herod, "
        "Rep. Serena Gonzales-Gutierrez",
        "url": CO_BILL,
        "stance": Stance.ENDS,
        "history": [
            (BillStatus.INTRODUCED, datetime.date(2020, 6, 3), ""),
            (BillStatus.PASSED_ONE_CHAMBER, datetime.date(2020, 6, 9), tr("Senate", "Senado")),
            (
                BillStatus.PASSED,
                datetime.date(2020, 6, 13),
                tr(
                    "Senate agreed to House amendments",
                    "El Senado aceptó las enmiendas de la Cámara",
                ),
            ),
            (BillStatus.SIGNED, datetime.date(2020, 6, 19), ""),
        ],
    },
    {
        "jurisdiction": "NM",
        "number": "HB 4",
        "session": tr("2021 regular session", "Sesión ordinaria de 2021"),
        "title": tr("New Mexico Civil Rights Act", "Ley de Derechos Civiles de Nuevo México"),
        "summary": tr(
            "Lets people sue any public body for violating rights in New Mexico's bill of "
            "rights, and bars qualified immunity as a defence.",
            "Permite demandar a cualquier organismo público por violar derechos de la carta de "
            "derechos de Nuevo México y prohíbe la inmunidad calificada como defensa.",
        ),
        "sponsor": "Rep. Georgene Louis, Rep. Brian Egolf, Sen. Joseph Cervantes",
        "url": NM_BILL,
        "stance": Stance.ENDS,
        "history": [(BillStatus.SIGNED, datetime.date(2021, 4, 7), "")],
    },
    {
        "jurisdiction": "CT",
        "number": "HB 6004",
        "session": tr("July 2020 special session", "Sesión extraordinaria de julio de 2020"),
        "title": tr(
            "An Act Concerning Police Accountability", "Ley sobre la rendición de cuentas policial"
        ),
        "summary": tr(
            "Public Act 20-1. Created a right to sue police officers under state law and limited "
            "immunity to officers with an objectively good-faith belief that they acted lawfully.",
            "Ley Pública 20-1. Creó el derecho a demandar a agentes de policía según la ley "
            "estatal y limitó la inmunidad a los agentes que creían objetivamente y de buena fe "
            "que actuaban legalmente.",
        ),
        "sponsor": "",
        "url": CT_STATUTE,
        "stance": Stance.LIMITS,
        "history": [(BillStatus.SIGNED, datetime.date(2020, 7, 31), "")],
    },
    {
        "jurisdiction": "IL",
        "number": "HB 3653",
        "session": tr("101st General Assembly", "101.ª Asamblea General"),
        "title": tr("SAFE-T Act", "Ley SAFE-T"),
        "summary": tr(
            "A broad criminal justice and policing law (Public Act 101-0652). It did not end "
            "qualified immunity.",
            "Una amplia ley de justicia penal y policía (Ley Pública 101-0652). No eliminó la "
            "inmunidad calificada.",
        ),
        "sponsor": "",
        "url": "https://www.ilga.gov/legislation/publicacts/fulltext.asp?Name=101-0652",
        "history": [
            (
                BillStatus.PASSED,
                datetime.date(2021, 1, 13),
                tr("Both chambers", "Ambas cámaras"),
            ),
            (BillStatus.SIGNED, datetime.date(2021, 2, 22), ""),
        ],
    },
    {
        # Named by the research (scorecard README): the other direction, QI written into law.
        "jurisdiction": "IA",
        "number": "SF 342",
        "session": tr("89th General Assembly", "89.ª Asamblea General"),
        "title": tr("Back the Blue Act", "Ley de Respaldo a la Policía"),
        "summary": tr(
            "Wrote qualified immunity into Iowa law for state and municipal employees (Iowa "
            "Code 669.14A and 670.4A).",
            "Convirtió la inmunidad calificada en ley de Iowa para los empleados estatales y "
            "municipales (Código de Iowa 669.14A y 670.4A).",
        ),
        "sponsor": "",
        "url": "https://www.legis.iowa.gov/legislation/BillBook?ga=89&ba=SF342",
        "stance": Stance.CODIFIES,
        "history": [(BillStatus.SIGNED, datetime.date(2021, 6, 17), "")],
    },
]


# Invented, and marked as a sample in its title and summary: a bill in committee, so that the demo
# shows a letter that follows its bill writing to a committee (actions/demo/following.py).
SAMPLE_BILL = {
    "jurisdiction": "MN",
    "number": "SF 9999",
    "session": tr("2026 session (sample)", "Sesión de 2026 (muestra)"),
    "title": tr(
        "Sample bill: Minnesota Civil Rights Accountability Act",
        "Proyecto de muestra: Ley de Responsabilidad por los Derechos Civiles de Minnesota",
    ),
    "summary": tr(
        "An invented bill for the demo site, not a real one: it would let people sue for "
        "violations of the Minnesota Constitution without qualified immunity.",
        "Un proyecto inventado para el sitio de demostración, no uno real: permitiría demandar "
        "por violaciones de la Constitución de Minnesota sin la inmunidad calificada.",
    ),
    "sponsor": "Sen. Sample Sponsor",
    "url": "https://www.revisor.mn.gov/bills/",
    "stance": Stance.ENDS,
    "history": [
        (BillStatus.INTRODUCED, datetime.date(2026, 2, 16), ""),
        (
            BillStatus.IN_COMMITTEE,
            datetime.date(2026, 3, 11),
            tr(
                "Referred to Judiciary and Public Safety",
                "Remitido a la Comisión de Justicia y Seguridad Pública",
            ),
        ),
    ],
}
# Open States' id of the Minnesota Senate's Judiciary and Public Safety committee.
SAMPLE_COMMITTEE = "ocd-organization/3323c817-0ddd-489f-80fa-53a8dc118d20"


def load_bills(stdout) -> None:
    default = Locale.get_default()
    for fields in [*BILLS, SAMPLE_BILL]:
        fields = dict(fields)
        history = fields.pop("history")
        if Bill.objects.filter(
            locale=default, jurisdiction=fields["jurisdiction"], number=fields["number"]
        ).exists():
            continue
        bill = Bill(locale=default, **fields)
        for position, (status, date, note) in enumerate(history):
            bill.status_changes.add(
                BillStatusChange(status=status, date=date, note=note, sort_order=position)
            )
        bill.save()
        stdout.write(f"  added the bill {bill}")
        sync_translations(bill, stdout)


# The Spanish for the federal bill list's titles, sessions and notes (federal-bills.csv).
FEDERAL_BILL_WORDS = [
    ("Ending Qualified Immunity Act", "Ley para Acabar con la Inmunidad Calificada"),
    (
        "George Floyd Justice in Policing Act of 2021",
        "Ley George Floyd de Justicia en la Actuación Policial de 2021",
    ),
    ("Qualified Immunity Act of 2023", "Ley de Inmunidad Calificada de 2023"),
    ("Qualified Immunity Act of 2025", "Ley de Inmunidad Calificada de 2025"),
    ("116th Congress", "116.º Congreso"),
    ("117th Congress", "117.º Congreso"),
    ("118th Congress", "118.º Congreso"),
    ("119th Congress", "119.º Congreso"),
    (
        "Died in committee when the 116th Congress ended",
        "Caducó en comisión al terminar el 116.º Congreso",
    ),
    (
        "Died in committee when the 117th Congress ended",
        "Caducó en comisión al terminar el 117.º Congreso",
    ),
    (
        "Died in committee when the 118th Congress ended",
        "Caducó en comisión al terminar el 118.º Congreso",
    ),
    (
        "Passed the House on 2021-03-03; never voted in the Senate",
        "Aprobado por la Cámara de Representantes el 3 de marzo de 2021; nunca se votó en el "
        "Senado",
    ),
    (
        "Referred to the House Committee on the Judiciary",
        "Remitido al Comité Judicial de la Cámara de Representantes",
    ),
    (
        "Read twice and referred to the Senate Committee on the Judiciary",
        "Leído dos veces y remitido al Comité Judicial del Senado",
    ),
]
for english, spanish in FEDERAL_BILL_WORDS:
    tr(english, spanish)


def load_federal_bills(stdout) -> None:
    """The federal bills from the campaign's bill list, through the importer editors use."""
    if not settings.FEDERAL_BILLS_DATA:
        stdout.write(
            "  no federal bills: the bill list was not found. Run `manage.py import_bills "
            "<path or URL of federal-bills.csv>`."
        )
        return
    try:
        the_plan = import_bills(strings={"es": tr.es})
    except BillDataError as error:
        stdout.write(f"  could not import the federal bills: {error}")
        return
    stdout.write(f"  federal bills: {the_plan.lines()[-1]}")


def name_sample_committee(stdout) -> None:
    """The sample bill's committee, once the committees are imported (the data cannot say which
    committee holds a bill: an editor names it on the status change, as here)."""
    committee = StateCommittee.objects.filter(pk=SAMPLE_COMMITTEE).first()
    change = BillStatusChange.objects.filter(
        bill__locale=Locale.get_default(),
        bill__jurisdiction=SAMPLE_BILL["jurisdiction"],
        bill__number=SAMPLE_BILL["number"],
        status=BillStatus.IN_COMMITTEE,
        committee__isnull=True,
    ).first()
    if committee is None or change is None:
        return
    change.committee = committee
    change.save(update_fields=["committee"])
    # The Spanish bill's history follows (a synchronized field).
    BillStatusChange.objects.filter(translation_key=change.translation_key).update(
        committee=committee
    )
    stdout.write(f"  the sample bill {SAMPLE_BILL['number']} is before {committee.name}")
