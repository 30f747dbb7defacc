"""The rubric's nine criteria, the scorecard page and one page per state, in English and Spanish.

`manage.py create_states` (and `make demo`, through states/demo/) runs `load()`. It is
idempotent: whatever already exists is left as it is, whatever is missing is created and
translated through wagtail-localize.
"""

from django.conf import settings
from django.core.management.base import CommandError
from django.utils.text import slugify
from wagtail.models import Locale

from core.demo_content import Phrasebook
from core.localization import MissingDemoTranslation, translate
from core.us_states import US_STATES, state_name_in
from home.models import HomePage
from states.models import Criterion, StateIndexPage, StatePage

tr = Phrasebook()

END, START = Criterion.Group.END, Criterion.Group.START

CRITERIA = [
    {
        "group": END,
        "slug": "police-immunity",
        "title": tr(
            "Qualified immunity for police officers",
            "Inmunidad calificada para agentes de policía",
        ),
        "filter_label": tr(
            "States that end qualified immunity for police",
            "Estados que eliminan la inmunidad calificada para la policía",
        ),
        "explanation": tr(
            "A person whose rights a police officer violates can sue, and the officer cannot "
            "escape the case by arguing that no earlier court ruling covered the same facts.",
            "Quien sufre una violación de sus derechos por parte de un agente de policía puede "
            "demandar, y el agente no puede librarse del caso alegando que ninguna sentencia "
            "anterior abordó los mismos hechos.",
        ),
    },
    {
        "group": END,
        "slug": "public-employee-immunity",
        "title": tr(
            "Qualified immunity for all public employees",
            "Inmunidad calificada para todos los empleados públicos",
        ),
        "filter_label": tr(
            "States that end qualified immunity for all public employees",
            "Estados que eliminan la inmunidad calificada para todos los empleados públicos",
        ),
        "explanation": tr(
            "The same rule covers every government employee, not only the police: corrections "
            "officers, school officials and any other public servant.",
            "La misma regla se aplica a todos los empleados del gobierno, no solo a la policía: "
            "personal de prisiones, funcionarios escolares y cualquier otro servidor público.",
        ),
    },
    {
        "group": END,
        "slug": "constitutional-rights",
        "title": tr(
            "Qualified immunity for violations of state and U.S. constitutional rights",
            "Inmunidad calificada por violaciones de derechos de la constitución estatal y de "
            "la de EE. UU.",
        ),
        "filter_label": tr(
            "States that end qualified immunity for state and federal constitutional rights",
            "Estados que eliminan la inmunidad calificada para derechos constitucionales "
            "estatales y federales",
        ),
        "explanation": tr(
            "People can sue over a violation of rights protected by the state constitution and "
            "by the U.S. Constitution, and immunity is no defence to either.",
            "Se puede demandar por la violación de derechos protegidos por la constitución del "
            "estado y por la Constitución de EE. UU., y la inmunidad no sirve de defensa en "
            "ningún caso.",
        ),
    },
    {
        "group": END,
        "slug": "award-caps",
        "title": tr(
            "Caps on what victims can be awarded",
            "Topes a lo que pueden recibir las víctimas",
        ),
        "filter_label": tr(
            "States with no cap on awards to victims",
            "Estados sin topes a las indemnizaciones a las víctimas",
        ),
        "explanation": tr(
            "People who were harmed receive what a court finds they are owed, with no arbitrary "
            "limit set in advance.",
            "Las personas perjudicadas reciben lo que un tribunal determina que se les debe, sin "
            "un límite arbitrario fijado de antemano.",
        ),
    },
    {
        "group": START,
        "slug": "attorney-fees",
        "title": tr(
            "Attorney fees covered for victims",
            "Honorarios de abogados cubiertos para las víctimas",
        ),
        "filter_label": tr(
            "States that cover the attorney fees of people who win",
            "Estados que cubren los honorarios de abogados de quienes ganan",
        ),
        "explanation": tr(
            "When a person wins, the court must order their lawyer's fees paid, so that lawyers "
            "can take cases from people who could never pay them.",
            "Cuando una persona gana, el tribunal debe ordenar el pago de los honorarios de su "
            "abogado, para que los abogados puedan aceptar casos de personas que nunca podrían "
            "pagarles.",
        ),
    },
    {
        "group": START,
        "slug": "full-compensation",
        "title": tr(
            "Victims paid the full amount awarded",
            "Víctimas indemnizadas por el monto total",
        ),
        "filter_label": tr(
            "States that guarantee victims are paid in full",
            "Estados que garantizan el pago completo a las víctimas",
        ),
        "explanation": tr(
            "If an officer cannot pay their share, the employer or its insurer pays it, so an "
            "award is never an empty promise.",
            "Si un agente no puede pagar su parte, la paga el empleador o su aseguradora, para "
            "que una indemnización nunca sea una promesa vacía.",
        ),
    },
    {
        "group": START,
        "slug": "failure-to-intervene",
        "title": tr(
            "Liability for officers who fail to intervene",
            "Responsabilidad de los agentes que no intervienen",
        ),
        "filter_label": tr(
            "States that hold officers liable for failing to intervene",
            "Estados que responsabilizan a los agentes que no intervienen",
        ),
        "explanation": tr(
            "An officer at the scene who sees a colleague violate someone's rights and does "
            "nothing to stop it can be held liable too.",
            "Un agente presente que ve a un compañero violar los derechos de alguien y no hace "
            "nada para impedirlo también puede ser declarado responsable.",
        ),
    },
    {
        "group": START,
        "slug": "misconduct-records",
        "title": tr("Public misconduct records", "Registros públicos de mala conducta"),
        "filter_label": tr(
            "States that make misconduct records in a case public",
            "Estados que hacen públicos los registros de mala conducta de un caso",
        ),
        "explanation": tr(
            "Records of misconduct that bear on a case are disclosed to the public instead of "
            "staying sealed.",
            "Los registros de mala conducta relacionados con un caso se hacen públicos en lugar "
            "de permanecer sellados.",
        ),
    },
    {
        "group": START,
        "slug": "officer-consequences",
        "title": tr("Consequences for officers", "Consecuencias para los agentes"),
        "filter_label": tr(
            "States where officers face consequences for wrongdoing",
            "Estados donde los agentes enfrentan consecuencias por sus faltas",
        ),
        "explanation": tr(
            "An officer who violates someone's rights faces consequences of their own, "
            "financial or otherwise, instead of passing every cost to taxpayers.",
            "Un agente que viola los derechos de alguien enfrenta consecuencias propias, "
            "económicas o de otro tipo, en lugar de trasladar todo el costo a los "
            "contribuyentes.",
        ),
    },
]

INDEX = {
    "title": tr("State scorecard", "Evaluación por estado"),
    "slug": tr("scorecard", "evaluacion-por-estado"),
    "introduction": tr(
        "How well does your state protect your rights? We score every state and DC on nine "
        "points: four practices that must end and five protections that must start. Every "
        "mark links to the law it rests on.",
        "¿Protege bien su estado sus derechos? Evaluamos a cada estado y al Distrito de "
        "Columbia en nueve puntos: cuatro prácticas que deben terminar y cinco protecciones "
        "que deben empezar. Cada calificación enlaza con la ley en la que se basa.",
    ),
}


def _register_state_names() -> None:
    for code, _name in US_STATES:
        name, spanish = state_name_in(code, "en"), state_name_in(code, "es")
        tr(name, spanish)
        tr(slugify(name), slugify(spanish))


_register_state_names()


def _locales() -> tuple[Locale, list[Locale]]:
    default = Locale.get_default()
    others = []
    for code, _name in settings.LANGUAGES:
        locale, _created = Locale.objects.get_or_create(language_code=code)
        if locale.pk != default.pk:
            others.append(locale)
    return default, others


def _translate(instance, locale: Locale, stdout, strings: dict | None = None) -> None:
    if instance.has_translation(locale):
        return
    mapping = strings if strings is not None else (tr.es if locale.language_code == "es" else {})
    try:
        translate(instance, locale.language_code, mapping)
    except MissingDemoTranslation as missing:
        # Content an editor added in English has no Spanish words here: leave it for the
        # translation editor rather than invent them.
        stdout.write(f"  left {instance!s} untranslated into {locale.language_code}: {missing}")
        return
    stdout.write(f"  translated {instance!s} into {locale.language_code}")


def ensure_criteria(stdout) -> list[Criterion]:
    default, others = _locales()
    criteria = []
    for position, fields in enumerate(CRITERIA, start=1):
        criterion = Criterion.objects.filter(locale=default, slug=fields["slug"]).first()
        if criterion is None:
            criterion = Criterion.objects.create(locale=default, sort_order=position, **fields)
            stdout.write(f"  created the criterion {criterion.title!r}")
        for locale in others:
            _translate(criterion, locale, stdout)
        criteria.append(criterion)
    return criteria


def ensure_index(stdout) -> StateIndexPage:
    default, others = _locales()
    index = StateIndexPage.objects.filter(locale=default).first()
    if index is None:
        home = HomePage.objects.filter(locale=default).first()
        if home is None:
            raise CommandError("There is no home page yet: run `make demo` (or create one).")
        index = home.add_child(instance=StateIndexPage(show_in_menus=True, **INDEX))
        index.save_revision().publish()
        stdout.write(f"  created {index.title!r}")
    for locale in others:
        _translate(index, locale, stdout)
    return index


def ensure_states(index: StateIndexPage, stdout, translated: bool = True) -> dict[str, StatePage]:
    """One page per state and DC under the scorecard, each translated unless `translated` is
    off (the demo imports the research first, so that each page is translated once)."""
    _default, others = _locales()
    existing = {page.postal_code: page for page in StatePage.objects.child_of(index)}
    pages = {}
    for code, _name in US_STATES:
        name = state_name_in(code, "en")
        page = existing.get(code)
        if page is None:
            page = index.add_child(
                instance=StatePage(title=name, slug=slugify(name), postal_code=code)
            )
            page.save_revision().publish()
            stdout.write(f"  created the page for {name}")
        if translated:
            for locale in others:
                _translate(page, locale, stdout)
        pages[code] = page
    return pages


def load(stdout, translated: bool = True) -> tuple[StateIndexPage, dict[str, StatePage]]:
    ensure_criteria(stdout)
    index = ensure_index(stdout)
    return index, ensure_states(index, stdout, translated)
