"""Sample case stories from states other than Texas (see stories/demo/cases.py)."""

from stories.choices import Circuit, HarmType, Outcome
from stories.demo.cases_texas import SUPREME_COURT
from stories.demo.phrases import courtlistener, paragraph, tr, wikipedia

OTHER_STATES_CASES = [
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
        "person_name": "Micah Jessop, Brittan Ashjian",
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
            "A city settles with George Floyd's family",
            "Una ciudad llega a un acuerdo con la familia de George Floyd",
        ),
        "slug": tr("george-floyd", "george-floyd"),
        "person_name": "George Floyd",
        "case_name": "Estate of George Floyd v. City of Minneapolis",
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
]
