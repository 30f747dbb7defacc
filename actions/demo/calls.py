"""Demo content for calls to Congress: a call page for the Ending Qualified Immunity Act, in
English and Spanish, asking each chamber for its own bill as the letter page does, and sample
call outcomes for one Colorado ZIP code's members (source "demo-sample": invented counts).

The Spanish script names the member by full name without the title: Spanish needs an article
before a title in the third person ("la representante", "el senador"), which a placeholder
cannot choose.

A second call page, for state legislators (a sample page: the state letter page's counterpart,
no particular bill), in English and Spanish, with sample outcomes for the state legislators of
the same ZIP code, so a state legislator's constituent packet has counts.

The call cards need the members of Congress and the ZIP areas that `import_legislators` loads;
without them the page says calls are not available yet and no outcomes are added.
"""

import random
from datetime import timedelta

from django.utils import timezone
from wagtail.models import Locale

from actions.demo.letters import HOUSE_BILL, SENATE_BILL, paragraph, tr
from actions.models.calls import CallOutcome, CallPage, Outcome
from actions.models.targets import Chambers
from core.demo_content import child_page, ensure_translated
from home.models import HomePage
from states.congress import delegation_for, districts_for_zip
from states.models import FEDERAL, Bill, StateLegislator, StateZipDistrict

SAMPLE_SOURCE = "demo-sample"
SAMPLE_ZIP = "80202"  # Denver: one district, so two senators and one representative
# How the sample calls went, per legislator: talked, voicemail, busy, skipped.
SAMPLE_OUTCOMES = (9, 14, 4, 2)
SAMPLE_STATE_OUTCOMES = (3, 5, 2, 1)

SCRIPT_EN = """Hello, my name is {full_name}, and I am a constituent from {city}, ZIP code {zip_code}.

I am calling to ask {legislator_title} {legislator_last_name} to support the {bill}. It would end qualified immunity, so that people whose constitutional rights are violated by police or other officials can have their day in court.

Can you tell me where {legislator_title} {legislator_last_name} stands on it?

Thank you for your time."""

SCRIPT_ES = """Hola, me llamo {full_name} y soy residente de {city}, código postal {zip_code}.

Llamo a la oficina de {legislator_full_name} para pedirle que apoye la {bill}. Acabaría con la inmunidad calificada, para que las personas cuyos derechos constitucionales violan la policía u otros funcionarios puedan tener su día ante el tribunal.

¿Me puede decir qué posición tiene {legislator_full_name} al respecto?

Gracias por su tiempo."""

CALL = {
    "title": tr(
        "Call Congress: end qualified immunity",
        "Llame al Congreso: acabemos con la inmunidad calificada",
    ),
    "slug": tr("call-congress", "llame-al-congreso"),
    "introduction": tr(
        "A call from a constituent is what congressional offices tally fastest. Type your ZIP "
        "code and we will give you each member's number and a short script: three calls, about "
        "five minutes.",
        "Una llamada de un residente del distrito es lo que las oficinas del Congreso cuentan "
        "más rápido. Escriba su código postal y le daremos el número de cada congresista y un "
        "guion breve: tres llamadas, unos cinco minutos.",
    ),
    "body": [
        paragraph(
            (
                "Staff answer the phone, ask for your ZIP code and note what you called about. "
                "You do not need to know the bill in detail: say who you are, what you ask for, "
                "and thank them. If nobody answers, leave a voicemail: it is counted too. "
                "(Demo site.)",
                "El personal contesta el teléfono, le pide su código postal y anota el motivo de "
                "su llamada. No hace falta conocer el proyecto de ley en detalle: diga quién es, "
                "qué pide y dé las gracias. Si nadie contesta, deje un mensaje de voz: también "
                "cuenta. (Sitio de demostración.)",
            ),
        ),
    ],
    "script": tr.plaintext(SCRIPT_EN, SCRIPT_ES),
    "office_hours": tr(
        "Offices answer from 9 a.m. to 5 p.m. their local time (Washington is on Eastern time), "
        "Monday to Friday. After hours, leave a voicemail: it is counted too.",
        "Las oficinas atienden de 9 a. m. a 5 p. m., hora local (Washington tiene la hora del "
        "Este), de lunes a viernes. Fuera de ese horario, deje un mensaje de voz: también "
        "cuenta.",
    ),
    "call_tips": tr(
        "Staff will ask for your ZIP code or address: offices count the calls of the people "
        "they represent. Be brief and polite.",
        "El personal le pedirá su código postal o su dirección: las oficinas cuentan las "
        "llamadas de las personas a quienes representan. Sea breve y amable.",
    ),
    "consent_text": tr(
        "We keep nothing you type here: we only count how each call went, for each legislator. "
        "(Demo site.)",
        "No guardamos nada de lo que escribe aquí: solo contamos cómo fue cada llamada, para "
        "cada legislador. (Sitio de demostración.)",
    ),
    "search_description": tr(
        "Call your senators and representative: ask them to pass the Ending Qualified Immunity "
        "Act.",
        "Llame a sus senadores y a su representante: pídales que aprueben la Ley para Acabar "
        "con la Inmunidad Calificada.",
    ),
}


STATE_SCRIPT_EN = """Hello, my name is {full_name}, and I live in {city}, ZIP code {zip_code}.

I am calling to ask {legislator_title} {legislator_last_name} to support a state civil rights law that lets people whose rights are violated by police or other officials bring their case to a {state} court, with no qualified immunity defense.

Can you tell me where {legislator_title} {legislator_last_name} stands on it?

Thank you for your time."""

STATE_SCRIPT_ES = """Hola, me llamo {full_name} y vivo en {city}, código postal {zip_code}.

Llamo a la oficina de {legislator_full_name} para pedirle que apoye una ley estatal de derechos civiles que permita a las personas cuyos derechos violan la policía u otros funcionarios llevar su caso ante un tribunal de {state}, sin la defensa de la inmunidad calificada.

¿Me puede decir qué posición tiene {legislator_full_name} al respecto?

Gracias por su tiempo."""

# Sample content (said on the page and in its privacy note): calls to the state legislature.
STATE_CALL = {
    "title": tr("Call your state legislators", "Llame a sus legisladores estatales"),
    "slug": tr("call-your-state-legislators", "llame-a-sus-legisladores-estatales"),
    "introduction": tr(
        "Your state can end qualified immunity in its own courts. Type your ZIP code and we "
        "will give you your state senator's and state representative's numbers and a short "
        "script: two calls, a few minutes.",
        "Su estado puede acabar con la inmunidad calificada en sus propios tribunales. Escriba "
        "su código postal y le daremos los números de su senador estatal y de su representante "
        "estatal, y un guion breve: dos llamadas, unos minutos.",
    ),
    "body": [
        paragraph(
            (
                "State legislators hear from few constituents: a handful of calls on one "
                "subject is noticed. (Sample page of the demo site.)",
                "Los legisladores estatales reciben pocas llamadas de sus electores: unas pocas "
                "llamadas sobre un tema se notan. (Página de muestra del sitio de "
                "demostración.)",
            ),
        ),
    ],
    "script": tr.plaintext(STATE_SCRIPT_EN, STATE_SCRIPT_ES),
    "office_hours": tr(
        "Capitol offices usually answer on weekdays during business hours, local time; many "
        "are staffed only during the legislative session. Leave a voicemail otherwise: it is "
        "counted too.",
        "Las oficinas del capitolio suelen atender los días laborables en horario de oficina, "
        "hora local; muchas solo tienen personal durante el período de sesiones. Si no, deje "
        "un mensaje de voz: también cuenta.",
    ),
    "call_tips": tr(
        "Say you are a constituent and give your ZIP code: state offices count the calls of "
        "the people they represent.",
        "Diga que vive en el distrito y dé su código postal: las oficinas estatales cuentan "
        "las llamadas de las personas a quienes representan.",
    ),
    "consent_text": tr(
        "We keep nothing you type here: we only count how each call went, for each legislator. "
        "(Sample page of the demo site.)",
        "No guardamos nada de lo que escribe aquí: solo contamos cómo fue cada llamada, para "
        "cada legislador. (Página de muestra del sitio de demostración.)",
    ),
    "search_description": tr(
        "Call your state senator and state representative: ask them to end qualified immunity "
        "in your state's courts.",
        "Llame a su senador y a su representante estatales: pídales que acaben con la "
        "inmunidad calificada en los tribunales de su estado.",
    ),
}


def sample_outcomes(page, stdout) -> None:
    """Invented outcomes for the members who represent ZIP code 80202, spread over the last two
    weeks, a third of them from the Spanish page; once (marked by their source)."""
    if CallOutcome.objects.filter(action_key=page.translation_key, source=SAMPLE_SOURCE).exists():
        return
    districts = districts_for_zip(SAMPLE_ZIP)
    if len(districts) != 1:
        return  # no legislator data imported
    delegation = delegation_for(districts[0])
    rng = random.Random("call-outcomes")
    now = timezone.now()
    rows = []
    for member in delegation.for_chambers(page.chambers_written_to):
        for outcome, count in zip(Outcome.values, SAMPLE_OUTCOMES, strict=True):
            for n in range(count):
                rows.append(
                    CallOutcome(
                        action_key=page.translation_key,
                        legislator_id=member.pk,
                        legislator_name=member.full_name,
                        chamber=member.chamber,
                        district_key=member.state
                        if member.chamber == "senate"
                        else (districts[0].key),
                        outcome=outcome,
                        call_digest=f"demo-{member.pk}-{outcome}-{n}",
                        language="es" if rng.random() < 0.33 else "en",
                        source=SAMPLE_SOURCE,
                        created_at=now - timedelta(days=14 * rng.random()),
                    )
                )
    CallOutcome.objects.bulk_create(rows)
    stdout.write(f"  added {len(rows)} sample call outcomes to {page.title!r}")


def sample_state_outcomes(page, stdout) -> None:
    """Invented outcomes for state legislators of ZIP code 80202, as sample_outcomes does for
    Congress: per chamber, the members of the first district the ZIP code touches (a caller
    from a ZIP code across a line would have chosen one); once, marked by their source."""
    if CallOutcome.objects.filter(action_key=page.translation_key, source=SAMPLE_SOURCE).exists():
        return
    districts = {}
    for chamber, district in (
        StateZipDistrict.objects.filter(zcta=SAMPLE_ZIP, chamber__in=page.chambers_written_to)
        .order_by("chamber", "district")
        .values_list("chamber", "district")
    ):
        districts.setdefault(chamber, district)
    members = [
        member
        for member in StateLegislator.objects.filter(state="CO", chamber__in=districts)
        if districts[member.chamber] == member.district
    ]
    rng = random.Random("state-call-outcomes")
    now = timezone.now()
    rows = [
        CallOutcome(
            action_key=page.translation_key,
            legislator_id=member.pk,
            legislator_name=member.name,
            chamber=member.chamber,
            district_key=f"{member.state} {member.district}",
            outcome=outcome,
            call_digest=f"demo-{member.pk.rsplit('/', 1)[-1]}-{outcome}-{n}",
            language="es" if rng.random() < 0.33 else "en",
            source=SAMPLE_SOURCE,
            created_at=now - timedelta(days=30 * rng.random()),
        )
        for member in members
        for outcome, count in zip(Outcome.values, SAMPLE_STATE_OUTCOMES, strict=True)
        for n in range(count)
    ]
    CallOutcome.objects.bulk_create(rows)
    if rows:
        stdout.write(f"  added {len(rows)} sample call outcomes to {page.title!r}")


def load(stdout) -> None:
    english = Locale.objects.get(language_code="en")
    home = HomePage.objects.filter(locale=english).first()
    if home is None:
        return
    bills = Bill.objects.filter(locale=english, jurisdiction=FEDERAL)
    house = bills.filter(number=HOUSE_BILL[0], session=HOUSE_BILL[1]).first()
    senate = bills.filter(number=SENATE_BILL[0], session=SENATE_BILL[1]).first()
    page = child_page(home, CallPage, CALL, stdout, bill=house, senate_bill=senate)
    ensure_translated(page, tr, stdout)
    sample_outcomes(page, stdout)
    state_page = child_page(
        home, CallPage, STATE_CALL, stdout, bill=None, chambers=Chambers.STATE_BOTH
    )
    ensure_translated(state_page, tr, stdout)
    sample_state_outcomes(state_page, stdout)
