"""Demo content for letters to Congress: a letter page for the Ending Qualified Immunity Act, in
English and Spanish, pointing at the federal bill the states demo creates.

The letters need the members of Congress and the ZIP areas, which `import_legislators` loads from
public data; without them the page says letters are not available yet.
"""

from wagtail.models import Locale

from actions.models.letters import Chambers, LetterPage
from core.demo_content import Phrasebook, child_page, ensure_translated
from home.models import HomePage
from states.models import FEDERAL, Bill

tr = Phrasebook()

# Each chamber its own bill: the Ending Qualified Immunity Act in the 119th Congress, in committee
# since May 2025 (federal-bills.csv, imported by the states demo).
HOUSE_BILL = ("H.R. 3602", "119th Congress")
SENATE_BILL = ("S. 1913", "119th Congress")


def paragraph(*pairs) -> dict:
    return {"type": "paragraph", "value": tr.paragraphs(*pairs)}


LETTER_EN = """Dear {legislator_title} {legislator_last_name},

I am {full_name}, a constituent from {city}, {state}. I am writing to ask you to support the {bill}, which would end qualified immunity and give people back a remedy when police officers or other officials violate their constitutional rights.

In the Civil Rights Act of 1871, Congress gave people the right to sue state and local officials, police officers included, who violate their rights. Beginning in 1967, the Supreme Court narrowed that law with a defense of its own making. Today an official is usually shielded unless an earlier court had already found nearly identical conduct unconstitutional.

That rule turns away people with serious claims, and it keeps many more from filing at all. Courts often dismiss a case without deciding whether a right was violated, so no precedent is set and the next person harmed in the same way is turned away too.

Qualified immunity appears nowhere in the law Congress wrote. The {bill} would say in the statute itself that it is no defense. Congress made this law, and Congress can correct the courts' mistake.

The killing of George Floyd by Minneapolis police was one in a long line of abuses that go on because those responsible are shielded from consequences. Please vote for the {bill}, so that people whose rights are violated get their day in court.

Sincerely,
{full_name}
{city}, {state} {zip_code}"""

LETTER_ES = """Honorable {legislator_title} {legislator_last_name}:

Me llamo {full_name} y soy residente de {city}, {state}. Le escribo para pedirle que apoye la {bill}, que acabaría con la inmunidad calificada y devolvería a las personas un recurso cuando agentes de policía u otros funcionarios violan sus derechos constitucionales.

Con la Ley de Derechos Civiles de 1871, el Congreso dio a las personas el derecho a demandar a los funcionarios estatales y locales, incluidos los agentes de policía, que violan sus derechos. A partir de 1967, la Corte Suprema restringió esa ley con una defensa creada por ella misma. Hoy un funcionario suele quedar protegido salvo que un tribunal anterior ya haya declarado inconstitucional una conducta casi idéntica.

Esa regla rechaza a personas con reclamos graves y hace que muchas otras ni siquiera demanden. Los tribunales a menudo desestiman un caso sin decidir si se violó un derecho, así que no se crea precedente y la siguiente persona perjudicada de la misma forma también es rechazada.

La inmunidad calificada no aparece en ninguna parte de la ley que escribió el Congreso. La {bill} diría en el propio texto de la ley que no es una defensa. El Congreso hizo esta ley, y el Congreso puede corregir el error de los tribunales.

La muerte de George Floyd a manos de la policía de Minneapolis fue uno más en una larga serie de abusos que continúan porque los responsables quedan protegidos de las consecuencias. Le pido que vote a favor de la {bill}, para que las personas cuyos derechos son violados tengan su día ante el tribunal.

Atentamente,
{full_name}
{city}, {state} {zip_code}"""

LETTER = {
    "title": tr(
        "Write to Congress: end qualified immunity",
        "Escriba al Congreso: acabemos con la inmunidad calificada",
    ),
    "slug": tr("write-to-congress", "escriba-al-congreso"),
    "introduction": tr(
        "Your members of Congress count the letters they get from home. Type your ZIP code and "
        "we will address a letter to each of them, ready to send through their official "
        "contact forms.",
        "Sus congresistas cuentan las cartas que reciben de su estado. Escriba su código "
        "postal y le prepararemos una carta para cada uno, lista para enviar por sus "
        "formularios de contacto oficiales.",
    ),
    "body": [
        paragraph(
            (
                "A letter from a constituent, in their own name, is one of the few things every "
                "congressional office reads and counts. Writing to your two senators and your "
                "representative takes about ten minutes.",
                "Una carta de un votante de su distrito, con su propio nombre, es de las pocas "
                "cosas que toda oficina del Congreso lee y cuenta. Escribir a sus dos senadores "
                "y a su representante lleva unos diez minutos.",
            ),
            (
                "Fill in the form: we find your members of Congress from your ZIP code and fill "
                "in one letter for each. You then paste each letter into that member's official "
                "contact form, which asks for your address so the office knows you live there.",
                "Complete el formulario: buscamos a sus congresistas por su código postal y "
                "preparamos una carta para cada uno. Después pegue cada carta en el formulario "
                "de contacto oficial de ese congresista, que le pedirá su dirección para "
                "comprobar que vive allí.",
            ),
        ),
    ],
    "subject": tr("Please support the {bill}", "Le pido que apoye la {bill}"),
    "letter_template": tr.plaintext(LETTER_EN, LETTER_ES),
    "sending_tips": tr(
        "If the form asks for a topic, choose Judiciary or Civil Rights. After you send it, "
        "note the confirmation number if there is one.",
        "Si el formulario pide un tema, elija Judicial (Judiciary) o Derechos civiles. Después "
        "de enviarlo, anote el número de confirmación si lo hay.",
    ),
    "diy_text": tr(
        "Prefer to write the letter yourself, or to send it by post? Copy it below and replace "
        "each part in brackets. Find your senators and representative first.",
        "¿Prefiere escribir la carta usted mismo o enviarla por correo postal? Cópiela abajo y "
        "cambie cada parte entre corchetes. Primero busque a sus senadores y a su "
        "representante.",
    ),
    "text_keyword": "SIGN WJOYDU",
    "text_number": "50409",
    "text_note": tr(
        "Resistbot sends a letter for you by text message. It is run by others, not by us: to "
        "be sure your letter says what you want, send it yourself through the contact forms.",
        "Resistbot envía una carta por usted mediante mensajes de texto. Lo gestionan otras "
        "personas, no nosotros: para estar seguro de que su carta dice lo que usted quiere, "
        "envíela usted mismo por los formularios de contacto.",
    ),
    "consent_text": tr(
        "We keep nothing you type here: we only count how many letters go to each legislator. "
        "If you ask for the email copy, we use your address to send it and for nothing else. "
        "(Demo site.)",
        "No guardamos nada de lo que escribe aquí: solo contamos cuántas cartas recibe cada "
        "legislador. Si pide la copia por correo, usamos su dirección para enviarla y para "
        "nada más. (Sitio de demostración.)",
    ),
    "search_description": tr(
        "Write to your senators and representative: ask them to pass the Ending Qualified "
        "Immunity Act.",
        "Escriba a sus senadores y a su representante: pídales que aprueben la Ley para Acabar "
        "con la Inmunidad Calificada.",
    ),
}


STATE_LETTER_EN = """Dear {legislator_title} {legislator_last_name},

I am {full_name}, a constituent from {city}, {state}. I am writing to ask you to end qualified immunity in our state's courts.

Qualified immunity is a rule the courts made, not one our legislature passed. It lets officials, police officers included, escape responsibility when they violate someone's rights, unless an earlier court had already found nearly identical conduct unlawful. Colorado, New Mexico, Connecticut and New York City have shown that a state can give people a right to sue under state law without that defense.

Please support a state civil rights law that lets people whose rights are violated bring their case to court, with no qualified immunity defense.

Sincerely,
{full_name}
{city}, {state} {zip_code}"""

STATE_LETTER_ES = """Honorable {legislator_title} {legislator_last_name}:

Me llamo {full_name} y soy residente de {city}, {state}. Le escribo para pedirle que acabe con la inmunidad calificada en los tribunales de nuestro estado.

La inmunidad calificada es una regla creada por los tribunales, no por nuestra legislatura. Permite que los funcionarios, incluidos los agentes de policía, eludan su responsabilidad cuando violan los derechos de alguien, salvo que un tribunal anterior ya haya declarado ilegal una conducta casi idéntica. Colorado, Nuevo México, Connecticut y la ciudad de Nueva York han demostrado que un estado puede dar a las personas el derecho a demandar según la ley estatal sin esa defensa.

Le pido que apoye una ley estatal de derechos civiles que permita a las personas cuyos derechos son violados llevar su caso ante un tribunal, sin la defensa de la inmunidad calificada.

Atentamente,
{full_name}
{city}, {state} {zip_code}"""

# Sample content (marked as such in its consent text): a letter to the state legislature, no
# particular bill, in English and Spanish.
STATE_LETTER = {
    "title": tr(
        "Write to your state legislators",
        "Escriba a sus legisladores estatales",
    ),
    "slug": tr("write-to-your-state-legislators", "escriba-a-sus-legisladores-estatales"),
    "introduction": tr(
        "Your state can end qualified immunity in its own courts, as Colorado and New Mexico "
        "have. Type your ZIP code and we will address a letter to your state senator and your "
        "state representative.",
        "Su estado puede acabar con la inmunidad calificada en sus propios tribunales, como lo "
        "hicieron Colorado y Nuevo México. Escriba su código postal y le prepararemos una "
        "carta para su senador estatal y su representante estatal.",
    ),
    "body": [
        paragraph(
            (
                "State legislators hear from far fewer constituents than members of Congress: "
                "a handful of letters on one subject is noticed. (Sample page of the demo site.)",
                "Los legisladores estatales reciben muchas menos cartas que los congresistas: "
                "unas pocas cartas sobre un tema se notan. (Página de muestra del sitio de "
                "demostración.)",
            ),
        ),
    ],
    "subject": tr(
        "End qualified immunity in {state}",
        "Acabemos con la inmunidad calificada en {state}",
    ),
    "letter_template": tr.plaintext(STATE_LETTER_EN, STATE_LETTER_ES),
    "sending_tips": tr(
        "Email works best for state offices; a call to the capitol office helps too.",
        "Para las oficinas estatales funciona mejor el correo electrónico; una llamada a la "
        "oficina del capitolio también ayuda.",
    ),
    "consent_text": LETTER["consent_text"],
    "search_description": tr(
        "Write to your state senator and state representative: ask them to end qualified "
        "immunity in your state's courts.",
        "Escriba a su senador y a su representante estatales: pídales que acaben con la "
        "inmunidad calificada en los tribunales de su estado.",
    ),
}


def load(stdout) -> None:
    english = Locale.objects.get(language_code="en")
    home = HomePage.objects.filter(locale=english).first()
    if home is None:
        return
    bills = Bill.objects.filter(locale=english, jurisdiction=FEDERAL)
    house = bills.filter(number=HOUSE_BILL[0], session=HOUSE_BILL[1]).first()
    senate = bills.filter(number=SENATE_BILL[0], session=SENATE_BILL[1]).first()
    page = child_page(home, LetterPage, LETTER, stdout, bill=house, senate_bill=senate)
    ensure_translated(page, tr, stdout)
    state_page = child_page(
        home, LetterPage, STATE_LETTER, stdout, bill=None, chambers=Chambers.STATE_BOTH
    )
    ensure_translated(state_page, tr, stdout)
