"""Sample news: campaign updates written in our own words (dates are the sample updates' own)."""

import datetime

from stories.choices import NewsKind
from stories.demo.phrases import heading, paragraph, tr

STORY_INDEX = {
    "title": tr("Case stories", "Historias de casos"),
    "slug": tr("stories", "historias"),
    "introduction": tr(
        "People harmed by officials and then denied their day in court. Filter by state, outcome, "
        "what happened and year.",
        "Personas perjudicadas por funcionarios a las que luego se les negó su día ante el "
        "tribunal. Filtre por estado, resultado, lo que ocurrió y año.",
    ),
}

NEWS_INDEX = {
    "title": tr("News", "Noticias"),
    "slug": tr("news", "noticias"),
    "introduction": tr(
        "Updates from the campaign and our statements to the press.",
        "Novedades de la campaña y nuestros comunicados de prensa.",
    ),
}

NEWS = [
    {
        "title": tr(
            "We are launching a campaign to end qualified immunity",
            "Lanzamos una campaña para acabar con la inmunidad calificada",
        ),
        "slug": tr("campaign-launch", "lanzamiento-de-la-campana"),
        "date": datetime.date(2024, 3, 4),
        "kind": NewsKind.PRESS_RELEASE,
        "summary": tr(
            "Today we start asking state and local officials to adopt laws that let people harmed "
            "by police have their case heard, judged against a nine-point rubric.",
            "Hoy empezamos a pedir a los funcionarios estatales y locales que aprueben leyes que "
            "permitan a las personas perjudicadas por la policía ser escuchadas, evaluadas con una "
            "rúbrica de nueve puntos.",
        ),
        "body": [
            paragraph(
                (
                    "Qualified immunity shields officers from civil suits unless a court has "
                    "already ruled nearly identical conduct unconstitutional. Families spend years "
                    "in court and many cases never reach a trial.",
                    "La inmunidad calificada protege a los agentes de las demandas civiles salvo "
                    "que un tribunal ya haya declarado inconstitucional una conducta casi idéntica. "
                    "Las familias pasan años en los tribunales y muchos casos nunca llegan a "
                    "juicio.",
                ),
            ),
            heading(
                tr(
                    "Four practices to end, five to start",
                    "Cuatro prácticas que terminar, cinco que empezar",
                )
            ),
            paragraph(
                (
                    "Our rubric scores every bill on whether it ends immunity for police and all "
                    "public employees, covers state and federal rights, and lifts caps on awards; "
                    "and whether it pays victims' legal fees and full awards, holds bystander "
                    "officers liable, opens misconduct records and brings real consequences.",
                    "Nuestra rúbrica evalúa cada proyecto de ley según si acaba con la inmunidad de "
                    "la policía y de todos los empleados públicos, cubre los derechos estatales y "
                    "federales y elimina los topes a las indemnizaciones; y según si paga los "
                    "honorarios legales y las indemnizaciones completas de las víctimas, hace "
                    "responsables a los agentes que no intervienen, abre los expedientes de "
                    "mala conducta y trae consecuencias reales.",
                ),
            ),
        ],
        "related": ["david-collie", "trent-taylor", "robbie-tolan"],
    },
    {
        "title": tr(
            "The Supreme Court turns away a set of qualified immunity appeals",
            "La Corte Suprema rechaza una serie de apelaciones sobre inmunidad calificada",
        ),
        "slug": tr("supreme-court-declines-appeals", "la-corte-suprema-rechaza-apelaciones"),
        "date": datetime.date(2020, 6, 16),
        "kind": NewsKind.UPDATE,
        "summary": tr(
            "The Court declined to hear several petitions asking it to reconsider the doctrine, "
            "including Alexander Baxter's. The job now falls to Congress and the states.",
            "La Corte se negó a escuchar varias peticiones que le pedían reconsiderar la doctrina, "
            "entre ellas la de Alexander Baxter. Ahora la tarea corresponde al Congreso y a los "
            "estados.",
        ),
        "body": [
            paragraph(
                (
                    "Justice Thomas wrote that he would have heard Mr. Baxter's case. The other "
                    "justices let the lower courts' rulings stand without explanation.",
                    "El juez Thomas escribió que él habría escuchado el caso del señor Baxter. Los "
                    "demás jueces dejaron en pie los fallos de los tribunales inferiores sin dar "
                    "explicaciones.",
                ),
            ),
        ],
        "related": ["alexander-baxter"],
    },
    {
        "title": tr(
            "States can act: what Colorado and New Mexico did",
            "Los estados pueden actuar: lo que hicieron Colorado y Nuevo México",
        ),
        "slug": tr("states-can-act", "los-estados-pueden-actuar"),
        "date": datetime.date(2021, 6, 1),
        "kind": NewsKind.UPDATE,
        "summary": tr(
            "Colorado in 2020 and New Mexico in 2021 let people sue in state court for violations "
            "of their state constitutional rights, without qualified immunity as a defense.",
            "Colorado en 2020 y Nuevo México en 2021 permitieron demandar ante los tribunales "
            "estatales por violaciones de los derechos de la constitución estatal, sin que la "
            "inmunidad calificada sirva de defensa.",
        ),
        "body": [
            paragraph(
                (
                    "Neither state had to wait for Congress. Check your state's score and write to "
                    "your legislators.",
                    "Ninguno de los dos estados tuvo que esperar al Congreso. Consulte la "
                    "calificación de su estado y escriba a sus legisladores.",
                ),
            ),
        ],
        "related": [],  # no choice: the page falls back to the latest stories
    },
]
