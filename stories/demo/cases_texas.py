"""Sample case stories from Texas (see stories/demo/cases.py for how they were written)."""

from stories.choices import Circuit, HarmType, Outcome
from stories.demo.phrases import courtlistener, paragraph, tr, wikipedia

FIFTH_CIRCUIT = "U.S. Court of Appeals for the Fifth Circuit"
SUPREME_COURT = "Supreme Court of the United States"

TEXAS_CASES = [
    {
        "title": tr(
            "Shot in the back, paralyzed, and turned away by the courts",
            "Le dispararon por la espalda, quedó paralizado y los tribunales lo rechazaron",
        ),
        "slug": tr("david-collie", "david-collie"),
        "person_name": "David Collie",
        "case_name": "Collie v. Barron",
        "citation": "",
        "court": FIFTH_CIRCUIT,
        "circuit": Circuit.FIFTH,
        "decision_year": 2018,
        "state_code": "TX",
        "harm_type": HarmType.EXCESSIVE_FORCE,
        "outcome": Outcome.QI_GRANTED,
        "summary": tr(
            "Texas police officers took David Collie, an unarmed Black man, for a robbery suspect. "
            "Officer Barron shot him in the back and left him paralyzed. The courts held that Mr. "
            "Collie could not show the officer had broken clearly established law, so the officer "
            "was immune. Mr. Collie died in a nursing home at 38.",
            "Unos policías de Texas confundieron a David Collie, un hombre negro desarmado, con un "
            "sospechoso de robo. El agente Barron le disparó por la espalda y lo dejó paralizado. "
            "Los tribunales dijeron que el señor Collie no podía demostrar que el agente hubiera "
            "violado una ley claramente establecida, así que el agente quedó inmune. El señor "
            "Collie murió en un asilo a los 38 años.",
        ),
        "body": [
            paragraph(
                (
                    "Mr. Collie had done nothing wrong. He was stopped because officers thought he "
                    "looked like someone else, and he was shot while unarmed.",
                    "El señor Collie no había hecho nada malo. Lo detuvieron porque los agentes "
                    "creyeron que se parecía a otra persona, y le dispararon estando desarmado.",
                ),
                (
                    "His lawsuit never reached a jury. Qualified immunity asked him to find an "
                    "earlier ruling on nearly the same facts, and because no court had described "
                    "his situation before, the case ended there.",
                    "Su demanda nunca llegó a un jurado. La inmunidad calificada le exigía encontrar "
                    "un fallo anterior sobre hechos casi iguales, y como ningún tribunal había "
                    "descrito antes su situación, el caso terminó ahí.",
                ),
            ),
        ],
        "sources": [courtlistener("Collie v. Barron")],
    },
    {
        "title": tr(
            "Shot on his parents' driveway over a mistyped license plate",
            "Herido en la entrada de la casa de sus padres por una matrícula mal escrita",
        ),
        "slug": tr("robbie-tolan", "robbie-tolan"),
        "person_name": "Robbie Tolan",
        "case_name": "Tolan v. Cotton",
        "citation": "572 U.S. 650 (2014)",
        "court": SUPREME_COURT,
        "circuit": Circuit.SUPREME_COURT,
        "decision_year": 2014,
        "state_code": "TX",
        "harm_type": HarmType.EXCESSIVE_FORCE,
        "outcome": Outcome.OTHER,
        "summary": tr(
            "In 2008 an officer in Bellaire, Texas, mistyped the plate of the car Robbie Tolan was "
            "driving, and it came back as stolen. At his parents' home a police sergeant shot him "
            "in the chest. The Fifth Circuit granted the sergeant immunity; the Supreme Court set "
            "that ruling aside because the lower courts had believed the officer's account over "
            "Mr. Tolan's.",
            "En 2008 un agente de Bellaire, Texas, escribió mal la matrícula del auto que conducía "
            "Robbie Tolan y el sistema lo marcó como robado. En la casa de sus padres, un sargento "
            "le disparó en el pecho. El Quinto Circuito le concedió inmunidad al sargento; la "
            "Corte Suprema anuló ese fallo porque los tribunales inferiores habían creído la "
            "versión del agente por encima de la del señor Tolan.",
        ),
        "body": [
            paragraph(
                (
                    "The car was not stolen. Mr. Tolan survived with a bullet lodged in his body.",
                    "El auto no era robado. El señor Tolan sobrevivió con una bala alojada en el "
                    "cuerpo.",
                ),
                (
                    "The Supreme Court did not decide whether the shooting was lawful. It said only "
                    "that judges deciding immunity must view disputed facts in the light most "
                    "favorable to the person who was hurt, and sent the case back.",
                    "La Corte Suprema no decidió si el disparo fue legal. Solo dijo que los jueces "
                    "que deciden sobre la inmunidad deben ver los hechos en disputa de la forma más "
                    "favorable para la persona herida, y devolvió el caso.",
                ),
            ),
        ],
        "sources": [
            courtlistener("Tolan v. Cotton"),
            wikipedia("Tolan_v._Cotton", "Tolan v. Cotton"),
        ],
    },
    {
        "title": tr(
            "Killed by shots fired from an overpass against a supervisor's advice",
            "Muerto por disparos hechos desde un paso elevado contra el consejo de un supervisor",
        ),
        "slug": tr("israel-leija", "israel-leija"),
        "person_name": "Israel Leija Jr.",
        "case_name": "Mullenix v. Luna",
        "citation": "577 U.S. 7 (2015)",
        "court": SUPREME_COURT,
        "circuit": Circuit.SUPREME_COURT,
        "decision_year": 2015,
        "state_code": "TX",
        "harm_type": HarmType.KILLING,
        "outcome": Outcome.QI_GRANTED,
        "summary": tr(
            "During a car chase in Texas, a state trooper climbed onto an overpass and fired at "
            "Israel Leija Jr.'s car, although his supervisor had told him to wait and see whether "
            "spike strips would stop it. Mr. Leija was killed. The Fifth Circuit refused the "
            "trooper immunity; the Supreme Court granted it.",
            "Durante una persecución en Texas, un policía estatal subió a un paso elevado y disparó "
            "contra el auto de Israel Leija Jr., aunque su supervisor le había dicho que esperara a "
            "ver si las bandas de clavos lo detenían. El señor Leija murió. El Quinto Circuito le "
            "negó la inmunidad al agente; la Corte Suprema se la concedió.",
        ),
        "body": [
            paragraph(
                (
                    "The Supreme Court did not say the shooting was reasonable. It said no earlier "
                    "decision had clearly told officers that shooting at a fleeing car in these "
                    "circumstances was unconstitutional.",
                    "La Corte Suprema no dijo que el disparo fuera razonable. Dijo que ninguna "
                    "decisión anterior había advertido claramente a los agentes que disparar a un "
                    "auto en fuga en esas circunstancias era inconstitucional.",
                ),
                (
                    "Justice Sotomayor dissented, warning that the ruling rewarded a shoot-first "
                    "approach to policing.",
                    "La jueza Sotomayor votó en contra y advirtió que el fallo premiaba una forma de "
                    "actuar policial que dispara primero y piensa después.",
                ),
            ),
        ],
        "sources": [
            courtlistener("Mullenix v. Luna"),
            wikipedia("Mullenix_v._Luna", "Mullenix v. Luna"),
        ],
    },
    {
        "title": tr(
            "Six days in cells covered in sewage",
            "Seis días en celdas cubiertas de aguas residuales",
        ),
        "slug": tr("trent-taylor", "trent-taylor"),
        "person_name": "Trent Taylor",
        "case_name": "Taylor v. Riojas",
        "citation": "141 S. Ct. 52 (2020)",
        "court": SUPREME_COURT,
        "circuit": Circuit.SUPREME_COURT,
        "decision_year": 2020,
        "state_code": "TX",
        "harm_type": HarmType.ABUSE_IN_CUSTODY,
        "outcome": Outcome.QI_DENIED,
        "summary": tr(
            "Trent Taylor, held in a Texas prison, was kept for six days first in a cell covered in "
            "feces and then in a freezing cell with a clogged drain full of sewage, where he had to "
            "sleep naked on the floor. The Fifth Circuit agreed this was unconstitutional but gave "
            "the officers immunity. The Supreme Court reversed: no reasonable officer could have "
            "thought it was lawful.",
            "Trent Taylor, preso en una cárcel de Texas, pasó seis días primero en una celda "
            "cubierta de heces y luego en una celda helada con un desagüe tapado lleno de aguas "
            "residuales, donde tuvo que dormir desnudo en el suelo. El Quinto Circuito reconoció "
            "que era inconstitucional, pero dio inmunidad a los guardias. La Corte Suprema revocó "
            "el fallo: ningún agente razonable podía creer que aquello fuera legal.",
        ),
        "body": [
            paragraph(
                (
                    "The decision matters because it says that some conduct is so plainly wrong "
                    "that officials do not need an earlier case with the same facts to know it.",
                    "La decisión importa porque dice que hay conductas tan claramente indebidas que "
                    "los funcionarios no necesitan un caso anterior con los mismos hechos para "
                    "saberlo.",
                ),
            ),
        ],
        "sources": [
            courtlistener("Taylor v. Riojas"),
            wikipedia("Taylor_v._Riojas", "Taylor v. Riojas"),
        ],
    },
    {
        "title": tr(
            "A doctor's patient records searched without a warrant",
            "Los expedientes de los pacientes de un médico, registrados sin orden judicial",
        ),
        "slug": tr("joseph-zadeh", "joseph-zadeh"),
        "person_name": "Dr. Joseph Zadeh",
        "case_name": "Zadeh v. Robinson",
        "citation": "928 F.3d 457 (5th Cir. 2019)",
        "court": FIFTH_CIRCUIT,
        "circuit": Circuit.FIFTH,
        "decision_year": 2019,
        "state_code": "TX",
        "harm_type": HarmType.UNLAWFUL_SEARCH,
        "outcome": Outcome.QI_GRANTED,
        "summary": tr(
            "An investigator for the Texas Medical Board, accompanied by federal drug agents, "
            "arrived at Dr. Joseph Zadeh's office with a subpoena instead of a warrant and copied "
            "his patients' records on the spot. The Fifth Circuit held that the law on such searches "
            "had not been clearly established at the time, so the investigator was immune.",
            "Una investigadora de la Junta Médica de Texas, acompañada por agentes federales "
            "antidrogas, se presentó en el consultorio del doctor Joseph Zadeh con una citación en "
            "lugar de una orden judicial y copió allí mismo los expedientes de sus pacientes. El "
            "Quinto Circuito dijo que la ley sobre ese tipo de registros no estaba claramente "
            "establecida en aquel momento, así que la investigadora quedó inmune.",
        ),
        "body": [
            paragraph(
                (
                    "Judge Don Willett, who sat on the panel, wrote separately to question the "
                    "doctrine itself: courts can grant immunity without ever deciding whether a "
                    "right was violated, so the law never becomes clear.",
                    "El juez Don Willett, miembro del tribunal, escribió aparte para cuestionar la "
                    "doctrina misma: los tribunales pueden conceder inmunidad sin decidir nunca si "
                    "se violó un derecho, de modo que la ley nunca llega a ser clara.",
                ),
            ),
        ],
        "sources": [courtlistener("Zadeh v. Robinson")],
    },
    {
        "title": tr(
            "A boy killed across the border, and no court to hear his family",
            "Un niño muerto al otro lado de la frontera, y ningún tribunal para su familia",
        ),
        "slug": tr("sergio-hernandez", "sergio-hernandez"),
        "person_name": "Sergio Adrián Hernández Güereca",
        "case_name": "Hernandez v. Mesa",
        "citation": "140 S. Ct. 735 (2020)",
        "court": SUPREME_COURT,
        "circuit": Circuit.SUPREME_COURT,
        "decision_year": 2020,
        "state_code": "TX",
        "harm_type": HarmType.KILLING,
        "outcome": Outcome.OTHER,
        "summary": tr(
            "In 2010 a U.S. Border Patrol agent standing in El Paso, Texas, shot and killed "
            "15-year-old Sergio Hernández, who was on the Mexican side of the border. His family's "
            "lawsuit went to the Supreme Court twice; in 2020 the Court held that they had no "
            "right to sue the agent for damages at all.",
            "En 2010 un agente de la Patrulla Fronteriza que estaba en El Paso, Texas, mató de un "
            "disparo a Sergio Hernández, de 15 años, que se encontraba del lado mexicano de la "
            "frontera. La demanda de su familia llegó dos veces a la Corte Suprema; en 2020 la "
            "Corte dijo que no tenían ningún derecho a demandar al agente por daños.",
        ),
        "body": [
            paragraph(
                (
                    "Along the way the Fifth Circuit granted the agent qualified immunity on one "
                    "claim. The final ruling went further, closing the courthouse door for claims "
                    "like this against federal officers.",
                    "En el camino, el Quinto Circuito concedió al agente inmunidad calificada "
                    "sobre una de las demandas. El fallo final fue más allá y cerró la puerta de "
                    "los tribunales a reclamos como este contra agentes federales.",
                ),
            ),
        ],
        "sources": [
            courtlistener("Hernandez v. Mesa"),
            wikipedia("Hernández_v._Mesa", "Hernández v. Mesa"),
        ],
    },
    {
        "title": tr(
            "Arrested after organizing a petition against the city manager",
            "Arrestada después de organizar una petición contra el administrador de la ciudad",
        ),
        "slug": tr("sylvia-gonzalez", "sylvia-gonzalez"),
        "person_name": "Sylvia Gonzalez",
        "case_name": "Gonzalez v. Trevino",
        "citation": "",
        "court": SUPREME_COURT,
        "circuit": Circuit.SUPREME_COURT,
        "decision_year": 2024,
        "state_code": "TX",
        "harm_type": HarmType.SPEECH_RETALIATION,
        "outcome": Outcome.PENDING,
        "summary": tr(
            "Sylvia Gonzalez, a 72-year-old city council member in Castle Hills, Texas, helped "
            "organize a petition to remove the city manager. She was then arrested for supposedly "
            "tampering with a government record, a charge later dropped. The Fifth Circuit threw "
            "out her retaliation suit; in 2024 the Supreme Court said its test was too strict and "
            "sent the case back to the lower courts.",
            "Sylvia Gonzalez, concejala de 72 años en Castle Hills, Texas, ayudó a organizar una "
            "petición para destituir al administrador de la ciudad. Después la arrestaron por "
            "supuestamente alterar un documento público, un cargo que luego se retiró. El Quinto "
            "Circuito desestimó su demanda por represalia; en 2024 la Corte Suprema dijo que su "
            "criterio era demasiado estricto y devolvió el caso a los tribunales inferiores.",
        ),
        "body": [
            paragraph(
                (
                    "Her case shows another court-made hurdle that can end a suit before any trial: "
                    "the lower court demanded proof that others who did the same were not "
                    "arrested, a kind of evidence that rarely exists.",
                    "Su caso muestra otro obstáculo creado por los tribunales que puede terminar una "
                    "demanda antes de cualquier juicio: el tribunal inferior exigía pruebas de que "
                    "otras personas que hicieron lo mismo no fueron arrestadas, un tipo de prueba "
                    "que casi nunca existe.",
                ),
            ),
        ],
        "sources": [courtlistener("Gonzalez v. Trevino")],
    },
]
