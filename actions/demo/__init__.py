"""Demo content for actions/: the newsletter sign-up page, the petition and the pledge (with
sample organizations and signatures), the letter to Congress and the thank-you pages' next ask
(a share kit, a sample donate link), in English and Spanish."""

from wagtail.models import Locale

from actions.demo import after_acting, calls, following, letters, petitions
from actions.district_counts import fill_signature_districts
from actions.models import SignupPage
from core.demo_content import Phrasebook, child_page, ensure_translated
from home.models import HomePage

tr = Phrasebook()

SIGNUP = {
    "title": tr("Stay connected", "Manténgase informado"),
    "slug": tr("stay-connected", "mantengase-informado"),
    "introduction": tr(
        "Get campaign news in your inbox: bills moving in your state, court decisions, and "
        "short actions that make a difference.",
        "Reciba noticias de la campaña en su correo: proyectos de ley que avanzan en su estado, "
        "decisiones judiciales y acciones breves que marcan la diferencia.",
    ),
    "consent_text": tr(
        "We will email you campaign news and actions, about twice a month. Every email has a "
        "link to unsubscribe, and we never share your address.",
        "Le enviaremos noticias y acciones de la campaña, unas dos veces al mes. Cada correo "
        "tiene un enlace para darse de baja, y nunca compartimos su dirección.",
    ),
    "thank_you_heading": tr("Check your inbox", "Revise su correo"),
    "thank_you_text": tr(
        "We have sent you an email. Click the link in it to confirm your subscription. If it is "
        "not there in a few minutes, look in your spam folder.",
        "Le hemos enviado un correo. Haga clic en el enlace para confirmar su suscripción. Si no "
        "llega en unos minutos, revise la carpeta de correo no deseado.",
    ),
    "search_description": tr(
        "Sign up for news and actions from the campaign to end qualified immunity.",
        "Suscríbase a las noticias y acciones de la campaña para acabar con la inmunidad "
        "calificada.",
    ),
}


def load(stdout) -> None:
    english = Locale.objects.get(language_code="en")
    home = HomePage.objects.filter(locale=english).first()
    if home is None:
        return
    page = child_page(home, SignupPage, SIGNUP, stdout, show_in_menus=True)
    ensure_translated(page, tr, stdout)
    petitions.load(stdout)
    letters.load(stdout)
    calls.load(stdout)
    following.load(stdout)
    after_acting.load(stdout)
    # The sample signatures' districts, once the ZIP table is there ("from your district").
    if changed := fill_signature_districts():
        stdout.write(f"  gave {changed} sample signatures their congressional district")
