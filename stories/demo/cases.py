"""Sample case stories: real, public cases retold briefly in our own words.

Only facts reported in the courts' opinions and in wide public coverage are used; where a detail
was uncertain (an exact date, a city, a citation) it was left out rather than guessed. Each story
is marked as sample content.
"""

from stories.choices import Circuit, HarmType, Outcome
from stories.demo.phrases import courtlistener, paragraph, tr, wikipedia

FIFTH_CIRCUIT = "U.S. Court of Appeals for the Fifth Circuit"
SUPREME_COURT = "Supreme Court of the United States"

CASES = [
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
            "Shot while holding a kitchen knife and talking calmly",
            "Herida mientras sostenía un cuchillo de cocina y hablaba con calma",
        ),
        "slug": tr("amy-hughes", "amy-hughes"),
        "person_name": "Amy Hughes",
        "case_name": "Kisela v. Hughes",
        "citation": "138 S. Ct. 1148 (2018)",
        "court": SUPREME_COURT,
        "circuit": Circuit.SUPREME_COURT,
        "decision_year": 2018,
        "state_code": "AZ",
        "harm_type": HarmType.EXCESSIVE_FORCE,
        "outcome": Outcome.QI_GRANTED,
        "summary": tr(
            "Police in Tucson, Arizona, found Amy Hughes holding a kitchen knife a few feet from "
            "her roommate, who later said she never felt threatened. Within about a minute an "
            "officer shot Ms. Hughes several times through a chain-link fence. The Ninth Circuit "
            "denied immunity; the Supreme Court reversed without hearing argument.",
            "La policía de Tucson, Arizona, encontró a Amy Hughes con un cuchillo de cocina a "
            "pocos pasos de su compañera de casa, quien luego dijo que nunca se sintió amenazada. "
            "En cerca de un minuto, un agente le disparó varias veces a través de una cerca de "
            "alambre. El Noveno Circuito negó la inmunidad; la Corte Suprema revocó esa decisión "
            "sin escuchar argumentos orales.",
        ),
        "body": [
            paragraph(
                (
                    "Ms. Hughes survived. Justice Sotomayor, joined by Justice Ginsburg, dissented: "
                    "she wrote that the ruling turned qualified immunity into an absolute shield "
                    "for officers.",
                    "La señora Hughes sobrevivió. La jueza Sotomayor, con el apoyo de la jueza "
                    "Ginsburg, votó en contra: escribió que el fallo convertía la inmunidad "
                    "calificada en un escudo absoluto para los agentes.",
                ),
            ),
        ],
        "sources": [
            courtlistener("Kisela v. Hughes"),
            wikipedia("Kisela_v._Hughes", "Kisela v. Hughes"),
        ],
    },
    {
        "title": tr(
            "Officers accused of taking cash and rare coins during a search",
            "Agentes acusados de quedarse con dinero y monedas raras durante un registro",
        ),
        "slug": tr("micah-jessop", "micah-jessop"),
        "person_name": "Micah Jessop and Brittan Ashjian",
        "case_name": "Jessop v. City of Fresno",
        "citation": "936 F.3d 937 (9th Cir. 2019)",
        "court": "U.S. Court of Appeals for the Ninth Circuit",
        "circuit": Circuit.NINTH,
        "decision_year": 2019,
        "state_code": "CA",
        "harm_type": HarmType.UNLAWFUL_SEARCH,
        "outcome": Outcome.QI_GRANTED,
        "summary": tr(
            "Officers in Fresno, California, searched the homes and business of Micah Jessop and "
            "Brittan Ashjian with a warrant. The two men say the officers listed far less money "
            "than they seized and kept more than $225,000 in cash and rare coins. The Ninth "
            "Circuit held that no earlier case had clearly said that stealing seized property "
            "violates the Fourth Amendment, so the officers were immune.",
            "Unos agentes de Fresno, California, registraron con una orden judicial las casas y el "
            "negocio de Micah Jessop y Brittan Ashjian. Los dos hombres dicen que los agentes "
            "anotaron mucho menos dinero del que incautaron y se quedaron con más de 225.000 "
            "dólares en efectivo y monedas raras. El Noveno Circuito dijo que ningún caso anterior "
            "había establecido claramente que robar bienes incautados viola la Cuarta Enmienda, "
            "así que los agentes quedaron inmunes.",
        ),
        "body": [
            paragraph(
                (
                    "The court called the alleged theft morally wrong, yet the men's claim ended "
                    "before anyone decided whether it happened.",
                    "El tribunal calificó el supuesto robo de moralmente reprobable, pero la "
                    "demanda terminó antes de que nadie decidiera si ocurrió.",
                ),
            ),
        ],
        "sources": [courtlistener("Jessop v. City of Fresno")],
    },
    {
        "title": tr(
            "Bitten by a police dog while sitting with his hands up",
            "Mordido por un perro policía mientras estaba sentado con las manos en alto",
        ),
        "slug": tr("alexander-baxter", "alexander-baxter"),
        "person_name": "Alexander Baxter",
        "case_name": "Baxter v. Bracey",
        "citation": "751 F. App'x 869 (6th Cir. 2018)",
        "court": "U.S. Court of Appeals for the Sixth Circuit",
        "circuit": Circuit.SIXTH,
        "decision_year": 2018,
        "state_code": "TN",
        "harm_type": HarmType.EXCESSIVE_FORCE,
        "outcome": Outcome.QI_GRANTED,
        "summary": tr(
            "Police in Nashville, Tennessee, found Alexander Baxter, a burglary suspect, sitting on "
            "the ground with his hands raised in surrender. An officer released a police dog that "
            "bit him anyway. The Sixth Circuit granted immunity because the earlier case it knew "
            "involved a suspect lying down, not one sitting with raised hands.",
            "La policía de Nashville, Tennessee, encontró a Alexander Baxter, sospechoso de robo, "
            "sentado en el suelo con las manos en alto en señal de rendición. Aun así, un agente "
            "soltó a un perro policía que lo mordió. El Sexto Circuito concedió la inmunidad "
            "porque el caso anterior que conocía trataba de un sospechoso tendido en el suelo, no "
            "de uno sentado con las manos levantadas.",
        ),
        "body": [
            paragraph(
                (
                    "In 2020 the Supreme Court declined to hear Mr. Baxter's appeal. Justice Thomas "
                    "wrote that he would have taken the case to reconsider the doctrine.",
                    "En 2020 la Corte Suprema se negó a escuchar la apelación del señor Baxter. El "
                    "juez Thomas escribió que él habría aceptado el caso para reconsiderar la "
                    "doctrina.",
                ),
            ),
        ],
        "sources": [courtlistener("Baxter v. Bracey")],
    },
    {
        "title": tr(
            "A ten-year-old shot by a deputy aiming at the family dog",
            "Un niño de diez años herido por un ayudante del sheriff que apuntaba al perro",
        ),
        "slug": tr("corbitt-family", "familia-corbitt"),
        "person_name": "",
        "case_name": "Corbitt v. Vickers",
        "citation": "929 F.3d 1304 (11th Cir. 2019)",
        "court": "U.S. Court of Appeals for the Eleventh Circuit",
        "circuit": Circuit.ELEVENTH,
        "decision_year": 2019,
        "state_code": "GA",
        "harm_type": HarmType.EXCESSIVE_FORCE,
        "outcome": Outcome.QI_GRANTED,
        "summary": tr(
            "Chasing a suspect in Coffee County, Georgia, officers entered Amy Corbitt's yard, "
            "where children were playing, and ordered everyone to lie on the ground. A deputy "
            "fired at the family dog, missed, and hit her ten-year-old son, who was lying nearby. The Eleventh Circuit held that no earlier case was close enough and granted "
            "immunity.",
            "En la persecución de un sospechoso en el condado de Coffee, Georgia, unos agentes "
            "entraron al patio de Amy Corbitt, donde jugaban unos niños, y ordenaron a todos "
            "tirarse al suelo. Un ayudante del sheriff disparó al perro de la familia, falló e "
            "hirió a su hijo de diez años, que estaba tendido cerca. El Undécimo Circuito "
            "dijo que ningún caso anterior era lo bastante parecido y concedió la inmunidad.",
        ),
        "body": [
            paragraph(
                (
                    "The person who was hurt was a child, so we do not publish his name. He and "
                    "the other children were doing what the officers had ordered when he was shot.",
                    "La persona herida era un niño, por eso no publicamos su nombre. Él y los "
                    "demás niños estaban haciendo lo que los agentes habían ordenado cuando le "
                    "dispararon.",
                ),
            ),
        ],
        "sources": [courtlistener("Corbitt v. Vickers")],
    },
    {
        "title": tr(
            "Thrown to the ground after walking away from a deputy",
            "Derribada al suelo tras alejarse de un ayudante del sheriff",
        ),
        "slug": tr("melanie-kelsay", "melanie-kelsay"),
        "person_name": "Melanie Kelsay",
        "case_name": "Kelsay v. Ernst",
        "citation": "933 F.3d 975 (8th Cir. 2019)",
        "court": "U.S. Court of Appeals for the Eighth Circuit (en banc)",
        "circuit": Circuit.EIGHTH,
        "decision_year": 2019,
        "state_code": "NE",
        "harm_type": HarmType.EXCESSIVE_FORCE,
        "outcome": Outcome.QI_GRANTED,
        "summary": tr(
            "In Wymore, Nebraska, Melanie Kelsay walked away from a sheriff's deputy who had told "
            "her to come back. He grabbed her and threw her to the ground, breaking her "
            "collarbone. The full Eighth Circuit held that no clearly established law forbade that "
            "takedown of a woman suspected of nothing violent, and granted immunity.",
            "En Wymore, Nebraska, Melanie Kelsay se alejó de un ayudante del sheriff que le había "
            "dicho que volviera. Él la agarró y la derribó al suelo, y le rompió la clavícula. El "
            "pleno del Octavo Circuito dijo que ninguna ley claramente establecida prohibía "
            "derribar así a una mujer a la que no se acusaba de nada violento, y concedió la "
            "inmunidad.",
        ),
        "body": [
            paragraph(
                (
                    "A smaller panel of the same court had first ruled the other way. The reversal "
                    "shows how much the outcome depends on which earlier cases judges count as "
                    "close enough.",
                    "Un grupo más pequeño de jueces del mismo tribunal había decidido primero lo "
                    "contrario. El cambio muestra cuánto depende el resultado de qué casos "
                    "anteriores consideran los jueces lo bastante parecidos.",
                ),
            ),
        ],
        "sources": [courtlistener("Kelsay v. Ernst")],
    },
    {
        "title": tr(
            "Pursued by officers for filming an arrest",
            "Perseguido por los agentes por grabar un arresto",
        ),
        "slug": tr("levi-frasier", "levi-frasier"),
        "person_name": "Levi Frasier",
        "case_name": "Frasier v. Evans",
        "citation": "992 F.3d 1003 (10th Cir. 2021)",
        "court": "U.S. Court of Appeals for the Tenth Circuit",
        "circuit": Circuit.TENTH,
        "decision_year": 2021,
        "state_code": "CO",
        "harm_type": HarmType.SPEECH_RETALIATION,
        "outcome": Outcome.QI_GRANTED,
        "summary": tr(
            "In Denver, Colorado, Levi Frasier recorded officers punching a man during an arrest. "
            "Officers then confronted him, demanded the video and searched his tablet for it. The "
            "Tenth Circuit held that the right to record police had not been clearly established "
            "in that circuit at the time, even though the officers had been trained that the "
            "public may film them, and granted immunity.",
            "En Denver, Colorado, Levi Frasier grabó a unos agentes que golpeaban a un hombre "
            "durante un arresto. Después los agentes lo increparon, le exigieron el video y "
            "registraron su tableta para buscarlo. El Décimo Circuito dijo que el derecho a grabar "
            "a la policía no estaba claramente establecido en ese circuito en aquel momento, "
            "aunque los agentes habían aprendido en su formación que el público puede grabarlos, y "
            "concedió la inmunidad.",
        ),
        "body": [
            paragraph(
                (
                    "Colorado has since created its own way to sue officers for violating rights "
                    "under the state constitution, in which qualified immunity is not a defense.",
                    "Desde entonces Colorado creó su propia vía para demandar a los agentes que "
                    "violen derechos reconocidos en la constitución del estado, en la que la "
                    "inmunidad calificada no sirve de defensa.",
                ),
            ),
        ],
        "sources": [courtlistener("Frasier v. Evans")],
    },
    {
        "title": tr(
            "Held by the roadside while his car was searched for nothing",
            "Retenido en la carretera mientras registraban su auto sin encontrar nada",
        ),
        "slug": tr("clarence-jamison", "clarence-jamison"),
        "person_name": "Clarence Jamison",
        "case_name": "Jamison v. McClendon",
        "citation": "476 F. Supp. 3d 386 (S.D. Miss. 2020)",
        "court": "U.S. District Court for the Southern District of Mississippi",
        "circuit": Circuit.FIFTH,
        "decision_year": 2020,
        "state_code": "MS",
        "harm_type": HarmType.UNLAWFUL_SEARCH,
        "outcome": Outcome.QI_GRANTED,
        "summary": tr(
            "Clarence Jamison, a Black man driving home through Mississippi in a convertible he had "
            "just bought, was stopped by a police officer who asked again and again to search the "
            "car. The search found nothing. Judge Carlton Reeves ruled that precedent left him no "
            "choice but to grant the officer immunity, and explained at length why the doctrine "
            "should end.",
            "Clarence Jamison, un hombre negro que volvía a casa atravesando Mississippi en un "
            "descapotable recién comprado, fue detenido por un agente que le pidió una y otra vez "
            "registrar el auto. El registro no encontró nada. El juez Carlton Reeves dijo que los "
            "precedentes no le dejaban otra opción que conceder la inmunidad al agente, y explicó "
            "con detalle por qué la doctrina debería terminar.",
        ),
        "body": [
            paragraph(
                (
                    "The opinion traces qualified immunity back to the Supreme Court's own "
                    "decisions and lists people it left without a remedy. It is one of the most "
                    "widely read criticisms of the doctrine by a sitting judge.",
                    "La opinión sigue el rastro de la inmunidad calificada hasta las propias "
                    "decisiones de la Corte Suprema y enumera a personas que quedaron sin remedio. "
                    "Es una de las críticas a la doctrina más leídas escritas por un juez en "
                    "funciones.",
                ),
            ),
        ],
        "sources": [courtlistener("Jamison v. McClendon")],
    },
    {
        "title": tr(
            "Chained to a hitching post in the sun for hours",
            "Encadenado a un poste al sol durante horas",
        ),
        "slug": tr("larry-hope", "larry-hope"),
        "person_name": "Larry Hope",
        "case_name": "Hope v. Pelzer",
        "citation": "536 U.S. 730 (2002)",
        "court": SUPREME_COURT,
        "circuit": Circuit.SUPREME_COURT,
        "decision_year": 2002,
        "state_code": "AL",
        "harm_type": HarmType.ABUSE_IN_CUSTODY,
        "outcome": Outcome.QI_DENIED,
        "summary": tr(
            "Guards in an Alabama prison handcuffed Larry Hope to a hitching post for about seven "
            "hours, shirtless in the sun, with little water and no bathroom breaks. The Eleventh "
            "Circuit granted the guards immunity because no earlier case had facts like his. The "
            "Supreme Court reversed: officials can know conduct is unlawful even when the facts "
            "are new.",
            "Unos guardias de una cárcel de Alabama esposaron a Larry Hope a un poste durante unas "
            "siete horas, sin camisa y al sol, con poca agua y sin dejarle ir al baño. El Undécimo "
            "Circuito dio inmunidad a los guardias porque ningún caso anterior tenía hechos como "
            "los suyos. La Corte Suprema revocó el fallo: los funcionarios pueden saber que una "
            "conducta es ilegal aunque los hechos sean nuevos.",
        ),
        "body": [
            paragraph(
                (
                    "People harmed by officials still rely on this decision when a court asks them "
                    "for a case with identical facts.",
                    "Las personas perjudicadas por funcionarios todavía se apoyan en esta decisión "
                    "cuando un tribunal les pide un caso con hechos idénticos.",
                ),
            ),
        ],
        "sources": [courtlistener("Hope v. Pelzer"), wikipedia("Hope_v._Pelzer", "Hope v. Pelzer")],
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
            "A city settles with George Floyd's family",
            "Una ciudad llega a un acuerdo con la familia de George Floyd",
        ),
        "slug": tr("george-floyd", "george-floyd"),
        "person_name": "George Floyd",
        "case_name": "The Floyd family's civil rights suit against Minneapolis",
        "citation": "",
        "court": "U.S. District Court for the District of Minnesota",
        "circuit": Circuit.EIGHTH,
        "decision_year": 2021,
        "state_code": "MN",
        "harm_type": HarmType.KILLING,
        "outcome": Outcome.SETTLED,
        "summary": tr(
            "George Floyd was killed in Minneapolis in May 2020 when a police officer knelt on his "
            "neck for more than nine minutes. His family sued the city and the officers in federal "
            "court. In 2021 the city agreed to pay $27 million to settle the case.",
            "George Floyd murió en Minneapolis en mayo de 2020 cuando un policía le presionó el "
            "cuello con la rodilla durante más de nueve minutos. Su familia demandó a la ciudad y "
            "a los agentes ante un tribunal federal. En 2021 la ciudad aceptó pagar 27 millones de "
            "dólares para cerrar el caso.",
        ),
        "body": [
            paragraph(
                (
                    "Settlements like this one are paid by the city, not by the officers. Ending "
                    "qualified immunity would let more families have their case heard at all, "
                    "rather than depending on a city's decision to settle.",
                    "Los acuerdos como este los paga la ciudad, no los agentes. Acabar con la "
                    "inmunidad calificada permitiría que más familias fueran escuchadas, en lugar "
                    "de depender de que una ciudad decida llegar a un acuerdo.",
                ),
            ),
        ],
        "sources": [wikipedia("Murder_of_George_Floyd", "Murder of George Floyd")],
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
