"""Demo letters that follow their bill, each the take-action page of its state: Colorado's
SB 20-217 and New Mexico's HB 4 (real laws, signed: thanks to the sponsors still serving, or
plain words when none is), and the invented Minnesota SF 9999 (marked as a sample, in
committee: letters to the committee's members). English and Spanish."""

from wagtail.models import Locale

from actions.demo import letters
from actions.models.letters import Chambers, LetterPage
from core.demo_content import Phrasebook, child_page, ensure_translated
from home.models import HomePage
from states.models import Bill, StatePage

tr = Phrasebook()
tr.es.update(letters.tr.es)

THANKS_LETTER = tr.plaintext(
    """Dear {legislator_title} {legislator_last_name},

I am {full_name} of {city}, {state}. Thank you for sponsoring {bill}. Because of it, people whose rights are violated can have their day in court, without qualified immunity.

Thank you for standing up for everyone's rights.

{full_name}
{city}, {state} {zip_code}""",
    """Estimado/a {legislator_title} {legislator_last_name}:

Soy {full_name}, de {city}, {state}. Gracias por patrocinar la {bill}. Gracias a ella, las personas cuyos derechos son violados pueden llevar su caso ante un tribunal, sin la inmunidad calificada.

Gracias por defender los derechos de todos.

{full_name}
{city}, {state} {zip_code}""",
)
ASK_LETTER = tr.plaintext(
    """Dear {legislator_title} {legislator_last_name},

I am {full_name} of {city}, {state}. I ask you to vote for {bill}, so that people whose rights are violated can sue under state law without the defense of qualified immunity.

Thank you,
{full_name}
{city}, {state} {zip_code}""",
    """Estimado/a {legislator_title} {legislator_last_name}:

Soy {full_name}, de {city}, {state}. Le pido que vote a favor de la {bill}, para que las personas cuyos derechos son violados puedan demandar según la ley estatal sin la defensa de la inmunidad calificada.

Gracias,
{full_name}
{city}, {state} {zip_code}""",
)
STEPS = {
    "subject": tr("Please vote for {bill}", "Por favor, vote a favor de la {bill}"),
    "letter_template": ASK_LETTER,
    "committee_intro": tr(
        "The committee decides whether the bill reaches a vote. A few letters to its members "
        "count.",
        "La comisión decide si el proyecto llega a votación. Unas pocas cartas a sus miembros "
        "cuentan.",
    ),
    "other_chamber_intro": tr(
        "One chamber has passed it. Ask your member of the other chamber to pass it too.",
        "Una cámara lo aprobó. Pida a su miembro de la otra cámara que también lo apruebe.",
    ),
    "thanks_intro": tr(
        "Lawmakers hear complaints every day and thanks rarely. A short letter is remembered.",
        "Los legisladores oyen quejas a diario y agradecimientos pocas veces. Una carta breve se "
        "recuerda.",
    ),
    "thanks_subject": tr("Thank you for {bill_number}", "Gracias por la {bill_number}"),
    "thanks_letter": THANKS_LETTER,
    "closed_text": tr(
        "The bill did not pass this session. It will be back: sign up for our newsletter to "
        "hear when, and write to your own legislators in the meantime.",
        "El proyecto no se aprobó en esta sesión. Volverá: suscríbase a nuestro boletín para "
        "saber cuándo, y mientras tanto escriba a sus propios legisladores.",
    ),
    "consent_text": letters.LETTER["consent_text"],
}
FOLLOWING = [
    (
        "CO",
        "SB20-217",
        {
            "title": tr(
                "Thank Colorado's sponsors of SB 20-217",
                "Agradezca a los patrocinadores de la SB 20-217 de Colorado",
            ),
            "slug": tr("thank-colorado-sb20-217", "agradezca-colorado-sb20-217"),
            "introduction": tr(
                "In 2020 Colorado became the first state to let people sue police officers for "
                "violating their rights under state law without qualified immunity.",
                "En 2020 Colorado fue el primer estado que permitió demandar a los agentes de "
                "policía por violar derechos según la ley estatal sin la inmunidad calificada.",
            ),
        },
    ),
    (
        "NM",
        "HB 4",
        {
            "title": tr(
                "Thank New Mexico's sponsors of the Civil Rights Act",
                "Agradezca a los patrocinadores de la Ley de Derechos Civiles de Nuevo México",
            ),
            "slug": tr("thank-new-mexico-hb-4", "agradezca-nuevo-mexico-hb-4"),
            "introduction": tr(
                "In 2021 New Mexico's Civil Rights Act (HB 4) barred qualified immunity in suits "
                "under the state's bill of rights.",
                "En 2021 la Ley de Derechos Civiles de Nuevo México (HB 4) prohibió la "
                "inmunidad calificada en las demandas según la carta de derechos del estado.",
            ),
        },
    ),
    (
        "MN",
        "SF 9999",
        {
            "title": tr(
                "Sample: move Minnesota's SF 9999 out of committee",
                "Muestra: saque de la comisión la SF 9999 de Minnesota",
            ),
            "slug": tr("sample-minnesota-sf-9999", "muestra-minnesota-sf-9999"),
            "introduction": tr(
                "A sample page of the demo site, for an invented bill: it shows a letter that "
                "follows its bill through the statehouse.",
                "Una página de muestra del sitio de demostración, para un proyecto inventado: "
                "muestra una carta que sigue a su proyecto por la legislatura.",
            ),
        },
    ),
]


def load(stdout) -> None:
    english = Locale.objects.get(language_code="en")
    home = HomePage.objects.filter(locale=english).first()
    if home is None:
        return
    for code, number, fields in FOLLOWING:
        bill = Bill.objects.filter(locale=english, jurisdiction=code, number=number).first()
        if bill is None:
            continue
        page = child_page(
            home,
            LetterPage,
            {**fields, **STEPS},
            stdout,
            bill=bill,
            follows_bill=True,
            chambers=Chambers.STATE_BOTH,
            feature_on_home_page=False,
        )
        ensure_translated(page, tr, stdout)
        state = StatePage.objects.filter(locale=english, postal_code=code).first()
        if state is not None and state.take_action_page_id is None:
            # Publishing the state page brings its Spanish translation along (states/facts_sync.py).
            state.take_action_page = page
            state.save_revision().publish()
            stdout.write(f"  {state.title}'s action follows {bill.number}")
