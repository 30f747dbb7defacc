"""Demo content for calls to Congress: a call page for the Ending Qualified Immunity Act, in
English and Spanish, asking each chamber for its own bill as the letter page does, and sample
call outcomes for one Colorado ZIP code's members (source "demo-sample": invented counts).

The Spanish script names the member by full name without the title: Spanish needs an article
before a title in the third person ("la representante", "el senador"), which a placeholder
cannot choose.

The call cards need the members of Congress and the ZIP areas that `import_legislators` loads;
without them the page says calls are not available yet and no outcomes are added.
"""

import random
from datetime import timedelta

from django.utils import timezone
from wagtail.models import Locale

from actions.demo.letters import HOUSE_BILL, SENATE_BILL, paragraph, tr
from actions.models.calls import CallOutcome, CallPage, Outcome
from core.demo_content import child_page, ensure_translated
from home.models import HomePage
from states.congress import delegation_for, districts_for_zip
from states.models import FEDERAL, Bill

SAMPLE_SOURCE = "demo-sample"
SAMPLE_ZIP = "80202"  # Denver: one district, so two senators and one representative
# How the sample calls went, per legislator: talked, voicemail, busy, skipped.
SAMPLE_OUTCOMES = (9, 14, 4, 2)

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
