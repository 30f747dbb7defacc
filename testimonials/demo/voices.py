"""The invented people of the demo wall: seventeen published voices (English with their Spanish
translation side by side), two more from Denver with the ZIP code a constituent packet reads,
and three waiting for a moderator. None of them is real."""

from testimonials.submission import Voice

# (name shown, how, profession (en, es), city, state, category, quote (en, es), slug)
PUBLISHED = [
    (
        "Harold Brennan",
        "full",
        ("Retired civil engineer", "Ingeniero civil jubilado"),
        "Dayton",
        "OH",
        "other",
        (
            "I spent forty years signing off on bridges, knowing I would answer for every "
            "mistake. Officials who hold people's lives in their hands should carry the same "
            "responsibility.",
            "Pasé cuarenta años firmando puentes sabiendo que respondería por cada error. Los "
            "funcionarios que tienen vidas en sus manos deberían cargar con la misma "
            "responsabilidad.",
        ),
    ),
    (
        "Marisol",
        "first",
        ("Veteran, US Army", "Veterana del Ejército de EE. UU."),
        "El Paso",
        "TX",
        "veteran",
        (
            "I swore an oath to the Constitution, not to the people who ignore it. Nobody I "
            "served with asked to be shielded from the rules.",
            "Juré lealtad a la Constitución, no a quienes la ignoran. Nadie con quien serví pidió "
            "que lo protegieran de las reglas.",
        ),
    ),
    (
        "Rev. Thomas Okafor",
        "full",
        ("Pastor", "Pastor"),
        "Atlanta",
        "GA",
        "faith_leader",
        (
            "Every tradition I know teaches that those with power owe the most care to those "
            "without it. A rule that excuses the powerful in advance turns that teaching upside "
            "down.",
            "Todas las tradiciones que conozco enseñan que quien tiene poder debe el mayor "
            "cuidado a quien no lo tiene. Una regla que excusa de antemano al poderoso pone esa "
            "enseñanza al revés.",
        ),
    ),
    (
        "Dale Whitaker",
        "full",
        ("Retired police sergeant", "Sargento de policía jubilado"),
        "Houston",
        "TX",
        "law_enforcement",
        (
            "Good officers do not need a legal loophole. Accountability protects the public and "
            "the honest cops who have to work beside the few who break the rules.",
            "Los buenos agentes no necesitan un resquicio legal. Rendir cuentas protege al "
            "público y a los policías honestos que trabajan junto a los pocos que rompen las "
            "reglas.",
        ),
    ),
    (
        "Priya Raman",
        "full",
        ("Civil rights attorney", "Abogada de derechos civiles"),
        "Seattle",
        "WA",
        "lawyer",
        (
            "I have watched judges agree that a client's rights were violated and then dismiss "
            "the case anyway. A right that no court will enforce is only a suggestion.",
            "He visto a jueces reconocer que se violaron los derechos de un cliente y aun así "
            "desestimar el caso. Un derecho que ningún tribunal hace cumplir es solo una "
            "sugerencia.",
        ),
    ),
    (
        "Janet",
        "first",
        ("Mother", "Madre"),
        "Knoxville",
        "TN",
        "family",
        (
            "My son's case never reached a jury. All we wanted was for someone to look at what "
            "happened and say whether it was right.",
            "El caso de mi hijo nunca llegó a un jurado. Solo queríamos que alguien examinara lo "
            "ocurrido y dijera si estuvo bien.",
        ),
    ),
    (
        "Kevin Tran",
        "full",
        ("Law student", "Estudiante de derecho"),
        "Minneapolis",
        "MN",
        "student",
        (
            "In class we learn that the Civil Rights Act lets people sue officials who violate "
            "their rights. Then we learn the exception that swallowed the rule.",
            "En clase aprendemos que la Ley de Derechos Civiles permite demandar a los "
            "funcionarios que violan nuestros derechos. Después aprendemos la excepción que se "
            "tragó la regla.",
        ),
    ),
    (
        "",
        "anonymous",
        ("Nurse", "Enfermera"),
        "",
        "TX",
        "other",
        (
            "If I make an error at a patient's bedside, I am responsible. I do not understand why "
            "it should be different for someone carrying a badge and a gun.",
            "Si cometo un error junto a la cama de un paciente, soy responsable. No entiendo por "
            "qué debería ser distinto para alguien que lleva placa y arma.",
        ),
    ),
    (
        "Carmen Delgado",
        "full",
        ("Small business owner", "Dueña de un pequeño negocio"),
        "Albuquerque",
        "NM",
        "other",
        (
            "New Mexico showed that a state can open the courthouse door again. Other states "
            "can follow without waiting for Washington.",
            "Nuevo México demostró que un estado puede volver a abrir las puertas del tribunal. "
            "Otros estados pueden seguirlo sin esperar a Washington.",
        ),
    ),
    (
        "Samuel Greene",
        "full",
        ("Marine Corps veteran", "Veterano del Cuerpo de Marines"),
        "Asbury Park",
        "NJ",
        "veteran",
        (
            "We were held to a strict code of conduct in uniform. Those who serve at home should "
            "meet a standard at least as high.",
            "De uniforme nos exigían un código de conducta estricto. Quienes sirven en casa "
            "deberían cumplir una norma al menos igual de alta.",
        ),
    ),
    (
        "Rabbi Miriam Adler",
        "full",
        ("Rabbi", "Rabina"),
        "Brooklyn",
        "NY",
        "faith_leader",
        (
            "Justice, justice you shall pursue: the verse repeats the word because it matters "
            "twice as much when the one who did wrong holds authority.",
            "La justicia, la justicia perseguirás: el versículo repite la palabra porque importa "
            "el doble cuando quien hizo mal tiene autoridad.",
        ),
    ),
    (
        "Luis",
        "first",
        ("Teacher", "Maestro"),
        "Phoenix",
        "AZ",
        "other",
        (
            "I teach my students that the Constitution belongs to them. I would like that to "
            "still be true when they need it.",
            "Enseño a mis alumnos que la Constitución les pertenece. Me gustaría que siguiera "
            "siendo verdad cuando la necesiten.",
        ),
    ),
    (
        "Angela Brooks",
        "full",
        ("Public defender", "Defensora pública"),
        "Denver",
        "CO",
        "lawyer",
        (
            "Colorado's law has not stopped anyone from policing. It has given people a way to be "
            "heard when something goes wrong.",
            "La ley de Colorado no ha impedido que nadie haga su trabajo policial. Ha dado a la "
            "gente una forma de ser escuchada cuando algo sale mal.",
        ),
    ),
    (
        "",
        "anonymous",
        ("Former corrections officer", "Exfuncionario de prisiones"),
        "",
        "FL",
        "law_enforcement",
        (
            "I saw colleagues cross lines because they knew nothing would happen. Removing that "
            "certainty would change behaviour faster than any training course.",
            "Vi a compañeros cruzar límites porque sabían que no pasaría nada. Quitar esa "
            "certeza cambiaría la conducta más rápido que cualquier curso de formación.",
        ),
    ),
    (
        "Grace Liu",
        "full",
        ("Graduate student", "Estudiante de posgrado"),
        "San Diego",
        "CA",
        "student",
        (
            "My generation films everything, and still the videos end in dismissals. Evidence "
            "means nothing if the case is thrown out before anyone looks at it.",
            "Mi generación lo graba todo y aun así los videos terminan en desestimaciones. Las "
            "pruebas no sirven de nada si el caso se descarta antes de que alguien las mire.",
        ),
    ),
    (
        "Robert",
        "first",
        ("Brother of a victim", "Hermano de una víctima"),
        "Charleston",
        "SC",
        "family",
        (
            "We were told the officer was immune before we even understood what immunity meant. "
            "Families deserve a day in court, whatever the outcome.",
            "Nos dijeron que el agente era inmune antes de que entendiéramos qué significaba "
            "inmunidad. Las familias merecen un día ante el tribunal, sea cual sea el resultado.",
        ),
    ),
    (
        "Diane Foster",
        "full",
        ("Retired judge", "Jueza jubilada"),
        "Salt Lake City",
        "UT",
        "lawyer",
        (
            "Judges made this doctrine, and judges have questioned it. Legislatures do not have "
            "to wait for the courts to fix their own invention.",
            "Los jueces crearon esta doctrina y los jueces la han cuestionado. Los legisladores "
            "no tienen que esperar a que los tribunales corrijan su propio invento.",
        ),
    ),
]

# Two published voices from Denver that gave ZIP code 80202 (Colorado's 1st district), so that
# the demo's constituent packet for that district's representative (actions/packets.py) has
# voices to hand over: one named in full, one anonymous.
DISTRICT_SAMPLE_ZIP = "80202"
DISTRICT_SAMPLES = [
    (
        "Lucía Ortega",
        "full",
        ("Public defender", "Defensora pública"),
        "Denver",
        "CO",
        "lawyer",
        (
            "Every week I meet people whose rights were plainly violated and who will never see "
            "a courtroom. A constitution that cannot be enforced is only a promise.",
            "Cada semana conozco a personas cuyos derechos se violaron a todas luces y que nunca "
            "verán un tribunal. Una constitución que no se puede hacer cumplir es solo una "
            "promesa.",
        ),
    ),
    (
        "",
        "anonymous",
        ("Emergency room nurse", "Enfermera de urgencias"),
        "",
        "CO",
        "other",
        (
            "I have stitched up people after encounters that should never have happened. Nobody "
            "ever had to explain themselves to a judge.",
            "He cosido heridas de personas tras encuentros que nunca debieron ocurrir. Nadie tuvo "
            "que dar explicaciones ante un juez.",
        ),
    ),
]

QUEUED = [
    Voice(
        name="Walter Nguyen",
        name_shown="full",
        email="walter.sample@example.org",
        profession="Firefighter",
        city="Portland",
        state="OR",
        category="other",
        quote="Firefighters answer for what we do on every call. So should everyone with a badge.",
    ),
    Voice(
        name="Beatrice Hall",
        name_shown="first",
        email="beatrice.sample@example.org",
        profession="Student",
        city="Madison",
        state="WI",
        category="student",
        quote="I want to grow up in a country where the rules apply to everyone.",
    ),
]
QUEUED_SPANISH = Voice(
    name="Rosa Martínez",
    name_shown="first",
    email="rosa.sample@example.org",
    profession="Costurera",
    city="Las Cruces",
    state="NM",
    category="family",
    quote=(
        "Mi sobrino esperó años una respuesta que nunca llegó. Nadie debería estar por encima de "
        "la ley."
    ),
)
