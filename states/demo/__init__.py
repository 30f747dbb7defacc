"""Demo content for the scorecard: the rubric and state pages (states.seed), then assessments
and bills drawn from public, citable facts.

Only what the cited text shows is assessed; every other criterion stays "not yet assessed".
The quotations are the statutes' own words (or, where marked, the legislature's official
summary); notes are the campaign's reading of them. Each was checked against the source on
CHECKED_ON. Spanish notes and titles go through wagtail-localize like any other translation.
"""

import datetime

from django.conf import settings
from django.db import transaction
from wagtail.models import Locale

from core.demo_content import Phrasebook
from core.localization import translate
from states import seed
from states.importer import LegislatorDataError, import_legislators
from states.models import AssessmentStatus, Bill, BillStatus, BillStatusChange, Criterion
from states.models import StateAssessment as Assessment

tr = Phrasebook()
tr.es.update(seed.tr.es)

CHECKED_ON = datetime.date(2026, 11, 21)
MET, PARTLY, NOT_MET = AssessmentStatus.MET, AssessmentStatus.PARTLY, AssessmentStatus.NOT_MET

CO_BILL = "https://leg.colorado.gov/bills/sb20-217"
CO_SECTION = "C.R.S. § 13-21-131, enacted by Colorado SB20-217 (2020)"
NM_BILL = "https://www.nmlegis.gov/Legislation/Legislation?chamber=H&legType=B&legNo=4&year=21"
NM_ACT = "New Mexico Civil Rights Act, NMSA 1978 § 41-4A (HB 4, 2021)"
CT_STATUTE = "https://www.cga.ct.gov/current/pub/chap_925.htm#sec_52-571k"
CT_SECTION = "Conn. Gen. Stat. § 52-571k (Public Act 20-1, section 41)"

CO_COVERED = (
    "A peace officer, as defined in section 24-31-901 (3), who, under color of law, subjects or "
    "causes to be subjected, including failing to intervene, any other person to the "
    "deprivation of any individual rights that create binding obligations on government actors "
    "secured by the bill of rights, article II of the state constitution, is liable to the "
    "injured party for legal or equitable relief or any other appropriate relief."
)
NM_NO_IMMUNITY = (
    "In any claim for damages or relief under the New Mexico Civil Rights Act, no public body "
    "or person acting on behalf of, under color of or within the course and scope of the "
    "authority of a public body shall enjoy the defense of qualified immunity for causing the "
    "deprivation of any rights, privileges or immunities secured by the bill of rights of the "
    "constitution of New Mexico."
)
CT_COVERED = (
    "No police officer, acting alone or in conspiracy with another, shall deprive any person or "
    "class of persons of the equal protection of the laws of this state, or of the equal "
    "privileges and immunities under the laws of this state, including, without limitation, "
    "the protections, privileges and immunities guaranteed under article first of the "
    "Constitution of the state."
)

# state → criterion slug → (status, quote, source title, source link, note)
ASSESSMENTS = {
    "CO": {
        "police-immunity": (
            MET,
            "Qualified immunity is not a defense to liability pursuant to this section.",
            f"{CO_SECTION}, subsection (2)(b)",
            CO_BILL,
            tr(
                "Colorado created its own right to sue peace officers and ruled out qualified "
                "immunity as a defence to it.",
                "Colorado creó su propio derecho a demandar a los agentes del orden y descartó "
                "la inmunidad calificada como defensa.",
            ),
        ),
        "public-employee-immunity": (
            NOT_MET,
            CO_COVERED,
            f"{CO_SECTION}, subsection (1)",
            CO_BILL,
            tr(
                "The right to sue covers peace officers only; other public employees keep "
                "their usual defences.",
                "El derecho a demandar solo abarca a los agentes del orden; los demás "
                "empleados públicos conservan sus defensas habituales.",
            ),
        ),
        "constitutional-rights": (
            PARTLY,
            CO_COVERED,
            f"{CO_SECTION}, subsection (1)",
            CO_BILL,
            tr(
                "It covers the rights in Colorado's own bill of rights. Claims under the U.S. "
                "Constitution still go through federal law, where qualified immunity applies.",
                "Abarca los derechos de la carta de derechos de Colorado. Las demandas basadas "
                "en la Constitución de EE. UU. siguen dependiendo de la ley federal, donde se "
                "aplica la inmunidad calificada.",
            ),
        ),
        "award-caps": (
            MET,
            "Statutory immunities and statutory limitations on liability, damages, or attorney "
            "fees do not apply to claims brought pursuant to this section.",
            f"{CO_SECTION}, subsection (2)(a)",
            CO_BILL,
            tr(
                "No statutory cap limits what a court can award under this law.",
                "Ningún tope legal limita lo que un tribunal puede conceder según esta ley.",
            ),
        ),
        "attorney-fees": (
            MET,
            "In any action brought pursuant to this section, a court shall award reasonable "
            "attorney fees and costs to a prevailing plaintiff.",
            f"{CO_SECTION}, subsection (3)",
            CO_BILL,
            tr(
                "Fees are mandatory for a plaintiff who wins, not left to the judge's discretion.",
                "Los honorarios son obligatorios para el demandante que gana, no quedan a "
                "criterio del juez.",
            ),
        ),
        "full-compensation": (
            MET,
            "Notwithstanding any other provision of law, a peace officer's employer shall "
            "indemnify its peace officers for any liability incurred by the peace officer and "
            "for any judgment or settlement entered against the peace officer for claims "
            "arising pursuant to this section …",
            f"{CO_SECTION}, subsection (4)(a)",
            CO_BILL,
            tr(
                "The employer pays the judgment, and also pays the officer's own share when it "
                "cannot be collected from the officer.",
                "El empleador paga la sentencia, y también la parte del agente cuando no se le "
                "puede cobrar a él.",
            ),
        ),
        "failure-to-intervene": (
            MET,
            CO_COVERED,
            f"{CO_SECTION}, subsection (1)",
            CO_BILL,
            tr(
                "Liability expressly includes an officer who fails to intervene.",
                "La responsabilidad incluye expresamente al agente que no interviene.",
            ),
        ),
        "misconduct-records": (
            PARTLY,
            "The act requires all recordings of an incident be released to the public within "
            "21 days after the local law enforcement agency or Colorado state patrol receives "
            "a complaint of misconduct.",
            "SB20-217 bill summary, Colorado General Assembly",
            CO_BILL,
            tr(
                "Quoted from the legislature's official summary. Body-camera recordings of an "
                "incident become public after a complaint; disciplinary files are not part of "
                "this provision.",
                "Cita del resumen oficial de la legislatura. Las grabaciones de las cámaras "
                "corporales de un incidente se hacen públicas tras una queja; los expedientes "
                "disciplinarios no forman parte de esta disposición.",
            ),
        ),
        "officer-consequences": (
            MET,
            "… if the peace officer's employer determines on a case-by-case basis that the "
            "officer did not act upon a good faith and reasonable belief that the action was "
            "lawful, then the peace officer is personally liable and shall not be indemnified "
            "by the peace officer's employer for five percent of the judgment or settlement or "
            "twenty-five thousand dollars, whichever is less.",
            f"{CO_SECTION}, subsection (4)(a)",
            CO_BILL,
            tr(
                "An officer who acted in bad faith pays part of the judgment personally.",
                "El agente que actuó de mala fe paga personalmente parte de la sentencia.",
            ),
        ),
    },
    "NM": {
        "police-immunity": (
            MET,
            NM_NO_IMMUNITY,
            f"{NM_ACT}, section 4",
            NM_BILL,
            tr(
                "Police are among the public officials who cannot claim qualified immunity "
                "under the act.",
                "La policía está entre los funcionarios públicos que no pueden alegar "
                "inmunidad calificada según la ley.",
            ),
        ),
        "public-employee-immunity": (
            MET,
            NM_NO_IMMUNITY,
            f"{NM_ACT}, section 4",
            NM_BILL,
            tr(
                "The act covers every public body and anyone acting on its behalf, not only "
                "the police.",
                "La ley abarca a todo organismo público y a quien actúe en su nombre, no solo a "
                "la policía.",
            ),
        ),
        "constitutional-rights": (
            PARTLY,
            "A public body or person acting on behalf of, under color of or within the course "
            "and scope of the authority of a public body shall not subject or cause to be "
            "subjected any resident of New Mexico or person within the state to deprivation of "
            "any rights, privileges or immunities secured pursuant to the bill of rights of the "
            "constitution of New Mexico.",
            f"{NM_ACT}, section 3(A)",
            NM_BILL,
            tr(
                "It covers the rights in New Mexico's bill of rights, not claims under the U.S. "
                "Constitution.",
                "Abarca los derechos de la carta de derechos de Nuevo México, no las demandas "
                "basadas en la Constitución de EE. UU.",
            ),
        ),
        "award-caps": (
            NOT_MET,
            "In any action for damages against a public body pursuant to the New Mexico Civil "
            "Rights Act, the liability per occurrence shall not exceed the sum of two million "
            "dollars ($2,000,000) per claimant, inclusive of the claimant's costs of action and "
            "reasonable attorney fees.",
            NM_ACT,
            NM_BILL,
            tr(
                "Awards are capped at two million dollars per claimant, fees included.",
                "Las indemnizaciones tienen un tope de dos millones de dólares por demandante, "
                "honorarios incluidos.",
            ),
        ),
        "attorney-fees": (
            PARTLY,
            "",
            f"{NM_ACT}, section 5",
            NM_BILL,
            tr(
                "A court may award reasonable attorney fees to a plaintiff who wins, but does "
                "not have to; the fees also count toward the cap.",
                "Un tribunal puede conceder honorarios razonables al demandante que gana, pero "
                "no está obligado; los honorarios además cuentan dentro del tope.",
            ),
        ),
        "misconduct-records": (
            PARTLY,
            "Each public body shall maintain a record of all final judgments and settlements "
            "paid by the public body for claims made pursuant to the New Mexico Civil Rights "
            "Act and attach a copy of the complaint to each record.",
            NM_ACT,
            NM_BILL,
            tr(
                "Judgments, settlements and complaints under the act are public records; "
                "officers' disciplinary files are not covered by the act.",
                "Las sentencias, los acuerdos y las demandas según la ley son registros "
                "públicos; los expedientes disciplinarios de los agentes no están incluidos.",
            ),
        ),
    },
    "CT": {
        "police-immunity": (
            PARTLY,
            "In any civil action brought under this section, governmental immunity shall only "
            "be a defense to a claim for damages when, at the time of the conduct complained "
            "of, the police officer had an objectively good faith belief that such officer's "
            "conduct did not violate the law.",
            CT_SECTION,
            CT_STATUTE,
            tr(
                "Immunity remains for an officer who had an objectively good-faith belief that "
                "the conduct was lawful.",
                "La inmunidad se mantiene para el agente que creía objetivamente y de buena fe "
                "que su conducta era legal.",
            ),
        ),
        "public-employee-immunity": (
            NOT_MET,
            CT_COVERED,
            CT_SECTION,
            CT_STATUTE,
            tr(
                "The law covers police officers only.",
                "La ley solo abarca a los agentes de policía.",
            ),
        ),
        "constitutional-rights": (
            PARTLY,
            CT_COVERED,
            CT_SECTION,
            CT_STATUTE,
            tr(
                "It covers rights under Connecticut's laws and constitution, not claims under "
                "the U.S. Constitution.",
                "Abarca los derechos según las leyes y la constitución de Connecticut, no las "
                "demandas basadas en la Constitución de EE. UU.",
            ),
        ),
    },
}

SUMMARIES = {
    "NY": tr.paragraphs(
        (
            "In March 2021 the New York City Council passed Int. 2220-A, a local right to be "
            "free from unreasonable searches and seizures and from excessive force, with no "
            "qualified immunity defence. It applies in the city only; the criteria below score "
            "state law.",
            "En marzo de 2021 el Concejo Municipal de Nueva York aprobó la Int. 2220-A, un "
            "derecho local a no sufrir registros ni detenciones irrazonables ni uso excesivo de "
            "la fuerza, sin la defensa de la inmunidad calificada. Rige solo en la ciudad; los "
            "criterios siguientes evalúan la ley estatal.",
        ),
    ),
}

CONGRESS_116_END = datetime.date(2021, 1, 3)
CONGRESS_117_END = datetime.date(2023, 1, 3)
IN_HOUSE_JUDICIARY = tr(
    "Referred to the House Judiciary Committee", "Remitido al Comité Judicial de la Cámara"
)
DIED_116 = tr("Died at the end of the 116th Congress", "Caducó al terminar el 116.º Congreso")
DIED_117 = tr("Died at the end of the 117th Congress", "Caducó al terminar el 117.º Congreso")

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
        "jurisdiction": "US",
        "number": "H.R. 7085",
        "session": tr("116th Congress", "116.º Congreso"),
        "title": tr("Ending Qualified Immunity Act", "Ley para Acabar con la Inmunidad Calificada"),
        "summary": tr(
            "Would remove qualified immunity as a defence in federal civil rights suits against "
            "state and local officials.",
            "Eliminaría la inmunidad calificada como defensa en las demandas federales de "
            "derechos civiles contra funcionarios estatales y locales.",
        ),
        "sponsor": "Rep. Justin Amash, with Rep. Ayanna Pressley",
        "url": "https://www.congress.gov/bill/116th-congress/house-bill/7085",
        "history": [
            (BillStatus.INTRODUCED, datetime.date(2020, 6, 4), ""),
            (BillStatus.IN_COMMITTEE, datetime.date(2020, 6, 4), IN_HOUSE_JUDICIARY),
            (BillStatus.FAILED, CONGRESS_116_END, DIED_116),
        ],
    },
    {
        "jurisdiction": "US",
        "number": "H.R. 1470",
        "session": tr("117th Congress", "117.º Congreso"),
        "title": tr("Ending Qualified Immunity Act", "Ley para Acabar con la Inmunidad Calificada"),
        "summary": tr(
            "Reintroduced version of the bill: it would remove qualified immunity as a defence "
            "in federal civil rights suits.",
            "Versión presentada de nuevo: eliminaría la inmunidad calificada como defensa en las "
            "demandas federales de derechos civiles.",
        ),
        "sponsor": "Rep. Ayanna Pressley",
        "url": "https://www.congress.gov/bill/117th-congress/house-bill/1470",
        "history": [
            (BillStatus.INTRODUCED, datetime.date(2021, 3, 1), ""),
            (BillStatus.IN_COMMITTEE, datetime.date(2021, 3, 1), IN_HOUSE_JUDICIARY),
            (BillStatus.FAILED, CONGRESS_117_END, DIED_117),
        ],
    },
    {
        "jurisdiction": "US",
        "number": "H.R. 1280",
        "session": tr("117th Congress", "117.º Congreso"),
        "title": tr(
            "George Floyd Justice in Policing Act of 2021",
            "Ley George Floyd de Justicia en la Actuación Policial de 2021",
        ),
        "summary": tr(
            "A broad policing bill that would, among much else, limit qualified immunity for "
            "law enforcement officers.",
            "Un amplio proyecto sobre la policía que, entre muchas otras cosas, limitaría la "
            "inmunidad calificada de los agentes del orden.",
        ),
        "sponsor": "Rep. Karen Bass",
        "url": "https://www.congress.gov/bill/117th-congress/house-bill/1280",
        "history": [
            (BillStatus.INTRODUCED, datetime.date(2021, 2, 24), ""),
            (
                BillStatus.PASSED_ONE_CHAMBER,
                datetime.date(2021, 3, 3),
                tr("House, 220–212", "Cámara de Representantes, 220–212"),
            ),
            (BillStatus.FAILED, CONGRESS_117_END, DIED_117),
        ],
    },
]


def _other_locales() -> list[Locale]:
    default = Locale.get_default()
    return [
        Locale.objects.get(language_code=code)
        for code, _name in settings.LANGUAGES
        if code != default.language_code
    ]


def _sync_translations(instance, stdout) -> None:
    """Create or update each translation so that it matches the English just written."""
    for locale in _other_locales():
        translate(instance, locale.language_code, tr.es if locale.language_code == "es" else {})
        stdout.write(f"  translated {instance!s} into {locale.language_code}")


def _assess(pages, stdout) -> None:
    criteria = {c.slug: c for c in Criterion.objects.filter(locale=Locale.get_default())}
    for code, rows in ASSESSMENTS.items():
        page = pages[code]
        changed = False
        summary = SUMMARIES.get(code)
        if summary and not page.summary:
            page.summary = summary
            changed = True
        if not page.assessments.exists():
            for slug, (status, quote, source_title, source_url, note) in rows.items():
                page.assessments.add(
                    Assessment(
                        criterion=criteria[slug],
                        status=status,
                        quote=quote,
                        source_title=source_title,
                        source_url=source_url,
                        checked_on=CHECKED_ON,
                        note=note,
                    )
                )
            changed = True
        if changed:
            page.save_revision().publish()
            page.refresh_from_db()
            stdout.write(f"  assessed {page.title}")
            _sync_translations(page, stdout)
    for code, summary in SUMMARIES.items():
        if code not in ASSESSMENTS and not pages[code].summary:
            page = pages[code]
            page.summary = summary
            page.save_revision().publish()
            page.refresh_from_db()
            stdout.write(f"  summarised {page.title}")
            _sync_translations(page, stdout)


def _bills(stdout) -> None:
    default = Locale.get_default()
    for fields in BILLS:
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
        _sync_translations(bill, stdout)


def _legislators(stdout) -> None:
    """The real members of Congress and ZIP table, when the files or the publishers can be
    reached; otherwise say so and carry on (the letter page then explains it has no data)."""
    if not settings.LEGISLATOR_DEMO_IMPORT:
        return
    try:
        outcome = import_legislators(skip_if_unchanged=True, timeout=15)
    except LegislatorDataError as error:
        stdout.write(
            "  the letter page has no legislator data yet: could not import it "
            f"({str(error).splitlines()[0]}). Run `manage.py import_legislators --source "
            "<folder>` once you have the files (docs/legislators.md)."
        )
        return
    record = outcome.record
    if outcome.applied:
        stdout.write(
            f"  imported {record.legislator_count} members of Congress and "
            f"{record.zip_area_count} ZIP code rows from {record.source} in {record.seconds:.1f} s"
        )
    else:
        stdout.write(f"  legislator data unchanged since {record.finished_at:%Y-%m-%d %H:%M}")


@transaction.atomic
def load(stdout) -> None:
    _index, pages = seed.load(stdout)
    _assess(pages, stdout)
    _bills(stdout)
    _legislators(stdout)
