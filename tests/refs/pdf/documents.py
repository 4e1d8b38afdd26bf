"""The papers laid out as PDFs by make_refpdfs.py: body paragraphs, a reference list in
the language's own conventions, and what follows the list. Written for the project (no
sentence is taken from a real paper); every entry is the gold entry the PDF must give back.

`split`: `dev` papers may be looked at while changing the reference-list finder; `heldout`
papers are scored only; `gap` papers show a layout the reader does not handle yet (reported,
no bar).
"""

BODY_EN = [
    "Comparative research on courts has long asked why some institutions gain the "
    "cooperation of governments while others are ignored. This paper revisits the question "
    "with new data on compliance with interim orders (Alter 2014; Helfer and Slaughter 1997).",
    "We first describe the data and the coding rules, then estimate a series of models of "
    "compliance, and finally discuss what the results imply for the design of review "
    "mechanisms. The appendix reports the robustness checks.",
    "Compliance is measured as the share of orders that were implemented within two years. "
    "The measure follows earlier work on regional human rights courts (Hillebrecht 2014), "
    "but extends it to commercial and administrative tribunals.",
    "The results show that compliance depends less on the formal powers of a court than on "
    "the presence of domestic allies who can raise the cost of defiance. Where such allies "
    "are absent, even strong courts are ignored.",
]

BODY_DE = [
    "Die vergleichende Verwaltungsforschung hat sich lange mit der Frage beschäftigt, unter "
    "welchen Bedingungen Reformen in den Kommunen tatsächlich umgesetzt werden. Der Beitrag "
    "greift diese Frage mit neuen Daten auf (Bogumil/Jann 2009; Kuhlmann 2010).",
    "Zunächst werden die Daten und die Kodierung beschrieben, danach die Ergebnisse der "
    "Schätzungen vorgestellt und schließlich die Folgen für die Gestaltung von "
    "Reformprogrammen diskutiert.",
    "Die Umsetzung wird als Anteil der beschlossenen Maßnahmen gemessen, die nach drei "
    "Jahren in Kraft waren. Das Maß folgt früheren Arbeiten zur Verwaltungsmodernisierung, "
    "erweitert sie aber auf kleinere Gemeinden.",
    "Die Ergebnisse zeigen, dass die Umsetzung weniger von der Größe der Gemeinde als von "
    "der Unterstützung durch die Verwaltungsspitze abhängt. Wo diese fehlt, bleiben selbst "
    "gut ausgestattete Reformen stecken.",
]

BODY_FR = [
    "Les travaux consacrés à la justice pénale internationale se sont longtemps interrogés "
    "sur les conditions de la coopération des États. Cet article reprend la question à "
    "partir des décisions rendues entre 2005 et 2020 (Delmas-Marty 2004 ; Cassese 2008).",
    "Nous présentons d'abord les sources et la méthode, puis les résultats de l'analyse, "
    "avant de discuter leurs conséquences pour la conception des mécanismes de contrôle.",
    "Les résultats montrent que la coopération dépend moins des pouvoirs formels de la Cour "
    "que de la présence d'alliés nationaux capables d'augmenter le coût du refus.",
]

BODY_ES = [
    "La literatura sobre la justicia transicional en América Latina ha discutido durante "
    "décadas las condiciones bajo las cuales los tribunales nacionales juzgan a antiguos "
    "gobernantes. Este artículo retoma la pregunta con datos nuevos (Sikkink 2011; Roht-Arriaza 2005).",
    "Primero se describen las fuentes y el método; después se presentan los resultados y, "
    "por último, se discuten sus consecuencias para el diseño institucional.",
    "Los resultados muestran que los juicios dependen menos de la fuerza formal de los "
    "tribunales que de la movilización de las víctimas y de sus abogados.",
]

PAPERS = [
    {
        'name': 'en_apa_onecolumn', 'split': 'dev', 'language': 'en',
        'title': 'Why Governments Comply with Interim Orders',
        'layout': 'onecolumn', 'entry_style': 'hanging',
        'head': 'Law and Courts Review', 'heading': 'References',
        'body': BODY_EN,
        'entries': [
            "Alter, K. J. (2014). The new terrain of international law: Courts, politics, rights. Princeton University Press.",
            "Alter, K. J., Helfer, L. R., & Madsen, M. R. (2016). How context shapes the authority of international courts. Law and Contemporary Problems, 79(1), 1–36.",
            "Börzel, T. A. (2021). Why noncompliance: The politics of law in the European Union. Cornell University Press.",
            "Chayes, A., & Chayes, A. H. (1995). The new sovereignty: Compliance with international regulatory agreements. Harvard University Press.",
            "Downs, G. W., Rocke, D. M., & Barsoom, P. N. (1996). Is the good news about compliance good news about cooperation? International Organization, 50(3), 379–406. https://doi.org/10.1017/S0020818300033427",
            "Helfer, L. R., & Slaughter, A.-M. (1997). Toward a theory of effective supranational adjudication. Yale Law Journal, 107(2), 273–391.",
            "Hillebrecht, C. (2014). Domesticating international human rights law: The politics of compliance. Cambridge University Press.",
            "Kapiszewski, D., & Taylor, M. M. (2013). Compliance: Conceptualizing, measuring, and explaining adherence to judicial rulings. Law & Social Inquiry, 38(4), 803–835.",
            "Posner, E. A., & Yoo, J. C. (2005). Judicial independence in international tribunals. California Law Review, 93(1), 1–74.",
            "Simmons, B. A. (2009). Mobilizing for human rights: International law in domestic politics. Cambridge University Press.",
            "Staton, J. K., & Moore, W. H. (2011). Judicial power in domestic and international politics. International Organization, 65(3), 553–587.",
            "Vanberg, G. (2005). The politics of constitutional review in Germany. Cambridge University Press.",
            "World Bank. (2017). World development report 2017: Governance and the law. World Bank.",
        ],
        'after': [('heading', 'Appendix A. Robustness checks'),
                  ('para', 'Table A1 repeats the main models with the orders of the last two years '
                           'left out. The estimates change little, and none changes sign.')],
    },
    {
        'name': 'de_twocolumn', 'split': 'dev', 'language': 'de',
        'title': 'Reformen in den Kommunen: Wann sie gelingen',
        'layout': 'twocolumn', 'entry_style': 'hanging',
        'head': 'Zeitschrift für Verwaltungsforschung', 'heading': 'Literaturverzeichnis',
        'body': BODY_DE,
        'entries': [
            "Benz, Arthur (2009): Politik in Mehrebenensystemen. Wiesbaden: VS Verlag für Sozialwissenschaften.",
            "Bogumil, Jörg/Jann, Werner (2009): Verwaltung und Verwaltungswissenschaft in Deutschland. Einführung in die Verwaltungswissenschaft. 2. Aufl. Wiesbaden: VS Verlag.",
            "Bogumil, Jörg/Holtkamp, Lars (2013): Kommunalpolitik und Kommunalverwaltung. Eine praxisorientierte Einführung. Bonn: Bundeszentrale für politische Bildung.",
            "Ebinger, Falk (2013): Wege zur guten Bürokratie. Erklärungsansätze unterschiedlicher Funktionalität von Verwaltungen. Baden-Baden: Nomos.",
            "Grohs, Stephan (2010): Modernisierung kommunaler Sozialpolitik. Anpassungsstrategien im Wohlfahrtskorporatismus. Wiesbaden: VS Verlag, S. 45–98.",
            "Holtkamp, Lars (2008): Das Scheitern des Neuen Steuerungsmodells. In: der moderne staat 1 (2), S. 423–446.",
            "Kuhlmann, Sabine (2010): Vergleichende Verwaltungswissenschaft: Verwaltungssysteme, Verwaltungskulturen und Verwaltungsreformen in internationaler Perspektive. In: Blatter, Joachim/Janning, Frank/Wagemann, Claudius (Hg.): Qualitative Politikanalyse. Wiesbaden: VS Verlag, S. 140–160.",
            "Dies. (2015): Verwaltungsreformen im internationalen Vergleich. In: Veit, Sylvia/Reichard, Christoph/Wewer, Göttrik (Hrsg.): Handbuch zur Verwaltungsreform. 5. Aufl. Wiesbaden: Springer VS, S. 39–51.",
            "Mayntz, Renate (1997): Soziologie der öffentlichen Verwaltung. 4. Aufl. Heidelberg: C. F. Müller.",
            "Reichard, Christoph (1994): Umdenken im Rathaus. Neue Steuerungsmodelle in der deutschen Kommunalverwaltung. Berlin: edition sigma.",
            "Seibel, Wolfgang (2016): Verwaltung verstehen. Eine theoriegeschichtliche Einführung. Berlin: Suhrkamp.",
            "Statistisches Bundesamt (2019): Finanzen und Steuern. Rechnungsergebnisse der Kernhaushalte der Gemeinden und Gemeindeverbände. Fachserie 14 Reihe 3.3. Wiesbaden.",
            "Wollmann, Hellmut (2008): Reformen in Kommunalpolitik und -verwaltung. England, Schweden, Frankreich und Deutschland im Vergleich. Wiesbaden: VS Verlag.",
            "Ders. (2016): Die Kommunen im Mehrebenensystem. In: Zeitschrift für Parlamentsfragen 47 (3), S. 612–630.",
        ],
        'after': [('heading', 'Anschrift der Autorin'),
                  ('para', 'Dr. Katrin Mertens, Institut für Sozialwissenschaften, '
                           'Universität Hildesheim, Universitätsplatz 1, 31141 Hildesheim.')],
    },
    {
        'name': 'en_numbered_twocolumn', 'split': 'heldout', 'language': 'en',
        'title': 'Satellite Evidence in Atrocity Investigations',
        'layout': 'twocolumn', 'entry_style': 'numbered',
        'head': 'Journal of Forensic Policy', 'heading': 'REFERENCES',
        'body': BODY_EN[:3],
        'entries': [
            "L. Aronson, Human rights and satellite imagery: A review of practice, Hum. Rights Q. 38 (2016) 601–627.",
            "Amnesty International, Satellite images show destruction of villages in Darfur region, Report AFR 54/011/2007, London, 2007.",
            "J. Bohannon, Satellite images reveal evidence of mass graves, Science 352 (2016) 1030–1031. doi:10.1126/science.352.6289.1030",
            "A. Marx, S. Goward, Remote sensing in human rights and international humanitarian law monitoring: Concepts and methods, Geogr. Rev. 103 (2013) 100–111.",
            "N. Raymond, I. Baker, Sudan: Anatomy of a conflict, in: S. Wolfson (Ed.), Remote Sensing for Human Rights, Springer, Cham, 2019, pp. 55–78.",
            "E. Weizman, Forensic Architecture: Violence at the Threshold of Detectability, Zone Books, New York, 2017.",
            "K. Witjes, P. Olbrich, A fragile transparency: Satellite imagery analysis, non-state actors, and visual representations of security, Sci. Public Policy 44 (2017) 524–534.",
            "United Nations Institute for Training and Research (UNITAR), Damage Assessment of Aleppo, UNOSAT, Geneva, 2014.",
            "T. Lillesand, R. W. Kiefer, J. Chipman, Remote Sensing and Image Interpretation, seventh ed., Wiley, Hoboken, NJ, 2015.",
            "C. Koettl, Sensors everywhere: Using satellites and mobile phones to reduce information uncertainty in human rights crisis research, Genocide Stud. Prev. 11 (2017) 36–54.",
            "S. Kurnaz, Open-source investigations at the International Criminal Court, arXiv:2104.05120 [cs.CY], 2021.",
            "American Association for the Advancement of Science, Geospatial Technologies and Human Rights Project: Final Report, AAAS, Washington, DC, 2014.",
        ],
        'after': [('heading', 'Acknowledgements'),
                  ('para', 'We thank the anonymous reviewers and the editors for their comments. '
                           'The work was supported by a grant of the Research Council.')],
    },
    {
        'name': 'de_literatur_onecolumn', 'split': 'heldout', 'language': 'de',
        'title': 'Vertrauen in Gerichte. Eine Analyse der Bevölkerungsumfragen',
        'layout': 'onecolumn', 'entry_style': 'spaced',
        'head': 'Kölner Zeitschrift für Rechtssoziologie', 'heading': '7. Literatur',
        'body': BODY_DE,
        'entries': [
            "Baier, Dirk/Kemme, Stefanie (2018): Vertrauen in die Polizei und die Justiz. Ergebnisse einer repräsentativen Befragung. Monatsschrift für Kriminologie und Strafrechtsreform 101 (1), 1–20.",
            "Easton, David (1965): A Systems Analysis of Political Life. New York: Wiley.",
            "Gabriel, Oscar W./Walter-Rogg, Melanie (2008): Social Capital and Political Trust. In: van Deth, Jan W./Montero, José Ramón/Westholm, Anders (Hg.), Citizenship and Involvement in European Democracies. London: Routledge, 219–250.",
            "Hirschl, Ran (2004): Towards Juristocracy. The Origins and Consequences of the New Constitutionalism. Cambridge, MA: Harvard University Press.",
            "Institut für Demoskopie Allensbach (2019): Rechtsstaat und Justiz in der öffentlichen Wahrnehmung. Roland Rechtsreport 2019. Köln: Roland Rechtsschutz-Versicherungs-AG.",
            "Kaase, Max (1999): Interpersonal Trust, Political Trust and Non-institutionalised Political Participation in Western Europe. West European Politics 22 (3), 1–21.",
            "Luhmann, Niklas (2014): Vertrauen. Ein Mechanismus der Reduktion sozialer Komplexität. 5. Aufl. Konstanz: UVK.",
            "Raiser, Thomas (2013): Grundlagen der Rechtssoziologie. 6. Aufl. Tübingen: Mohr Siebeck (UTB 2779).",
            "Schmidt, Manfred G. (2019): Demokratietheorien. Eine Einführung. 6. Aufl. Wiesbaden: Springer VS.",
            "Tyler, Tom R. (2006): Why People Obey the Law. Princeton: Princeton University Press.",
            "Vorländer, Hans (Hg.) (2006): Die Deutungsmacht der Verfassungsgerichtsbarkeit. Wiesbaden: VS Verlag für Sozialwissenschaften.",
            "Zürn, Michael (2018): A Theory of Global Governance. Authority, Legitimacy, and Contestation. Oxford: Oxford University Press.",
        ],
        'after': [('heading', 'Über die Autoren'),
                  ('para', 'Jana Kröger ist wissenschaftliche Mitarbeiterin am Lehrstuhl für '
                           'Rechtssoziologie der Universität Bielefeld.')],
    },
    {
        'name': 'fr_bibliographie', 'split': 'heldout', 'language': 'fr',
        'title': 'La coopération des États avec la Cour pénale internationale',
        'layout': 'onecolumn', 'entry_style': 'hanging',
        'head': 'Revue de science criminelle', 'heading': 'Bibliographie',
        'body': BODY_FR,
        'entries': [
            "Ascensio, H., Decaux, E. et Pellet, A. (dir.), Droit international pénal, 2e éd., Paris, Pedone, 2012.",
            "Bourdon, W., La Cour pénale internationale : le statut de Rome, Paris, Seuil, 2000.",
            "Cassese, A., International Criminal Law, 2e éd., Oxford, Oxford University Press, 2008.",
            "Delmas-Marty, M., Le relatif et l'universel. Les forces imaginantes du droit, Paris, Seuil, 2004.",
            "Fouchard, I., « La coopération des États avec les juridictions pénales internationales », Revue générale de droit international public, vol. 118, n° 2, 2014, p. 301-329.",
            "Garapon, A., Des crimes qu'on ne peut ni punir ni pardonner. Pour une justice internationale, Paris, Odile Jacob, 2002.",
            "Lelieur, J., « L'application de la complémentarité par les juridictions françaises », Archives de politique criminelle, n° 36, 2014, p. 77-94.",
            "Société française pour le droit international, La juridictionnalisation du droit international, Paris, Pedone, 2003.",
            "Tigroudja, H. et Panoussis, I. K., La Cour interaméricaine des droits de l'homme. Analyse de la jurisprudence consultative et contentieuse, Bruxelles, Bruylant, 2003.",
            "Ubéda-Saillard, M., « La coopération des États avec les juridictions pénales internationales », in Ascensio, H., Decaux, E. et Pellet, A. (dir.), Droit international pénal, Paris, Pedone, 2012, p. 1117-1140.",
        ],
        'after': [],
    },
    {
        'name': 'es_referencias', 'split': 'heldout', 'language': 'es',
        'title': 'Juicios a antiguos gobernantes en América Latina',
        'layout': 'twocolumn', 'entry_style': 'hanging',
        'head': 'Revista de Ciencia Política', 'heading': 'Referencias bibliográficas',
        'body': BODY_ES,
        'entries': [
            "Acuña, C. H. y Smulovitz, C. (1995). Militares en la transición argentina: del gobierno a la subordinación constitucional. En C. H. Acuña (Ed.), Juicio, castigos y memorias (pp. 19–99). Buenos Aires: Nueva Visión.",
            "Collins, C. (2010). Post-transitional justice: Human rights trials in Chile and El Salvador. University Park: Penn State University Press.",
            "Comisión Nacional sobre la Desaparición de Personas (1984). Nunca más. Buenos Aires: Eudeba.",
            "Lessa, F. (2013). Memory and transitional justice in Argentina and Uruguay: Against impunity. Nueva York: Palgrave Macmillan.",
            "Nino, C. S. (1997). Juicio al mal absoluto. Buenos Aires: Emecé.",
            "Roht-Arriaza, N. (2005). The Pinochet effect: Transnational justice in the age of human rights. Filadelfia: University of Pennsylvania Press.",
            "Sikkink, K. (2011). The justice cascade: How human rights prosecutions are changing world politics. Nueva York: W. W. Norton.",
            "Skaar, E. (2011). Judicial independence and human rights in Latin America: Violations, politics, and prosecution. Nueva York: Palgrave Macmillan.",
            "Uprimny, R. y Saffon, M. P. (2006). Justicia transicional y justicia restaurativa: tensiones y complementariedades. En A. Rettberg (Comp.), Entre el perdón y el paredón (pp. 211–232). Bogotá: Universidad de los Andes.",
            "Zalaquett, J. (1992). Balancing ethical imperatives and political constraints. Hastings Law Journal, 43(6), 1425–1438.",
        ],
        'after': [],
    },
    {
        'name': 'en_workingpaper_headless', 'split': 'heldout', 'language': 'en',
        'title': 'Who Funds Accountability? Donor Support for Hybrid Courts',
        'layout': 'onecolumn', 'entry_style': 'hanging',
        'head': 'Working Paper 2021/07', 'heading': None,
        'body': BODY_EN,
        'entries': [
            "Bosco, David. 2014. Rough Justice: The International Criminal Court in a World of Power Politics. Oxford: Oxford University Press.",
            "Cohen, David. 2007. Hybrid Justice in East Timor, Sierra Leone, and Cambodia: Lessons Learned and Prospects for the Future. Stanford Journal of International Law 43 (1): 1–38.",
            "Dickinson, Laura A. 2003. The Promise of Hybrid Courts. American Journal of International Law 97 (2): 295–310.",
            "Higonnet, Etelle R. 2006. Restructuring Hybrid Courts: Local Empowerment and National Criminal Justice Reform. Arizona Journal of International and Comparative Law 23 (2): 347–435.",
            "International Center for Transitional Justice. 2015. Financing Justice: The Costs of Hybrid Tribunals. New York: ICTJ.",
            "Nouwen, Sarah M. H. 2006. Hybrid Courts: The Hybrid Category of a New Type of International Crimes Courts. Utrecht Law Review 2 (2): 190–214.",
            "Open Society Justice Initiative. 2018. Options for Justice: A Handbook for Designing Accountability Mechanisms for Grave Crimes. New York: Open Society Foundations.",
            "Skilbeck, Rupert. 2008. Funding Justice: The Price of War Crimes Trials. Human Rights Brief 15 (3): 6–10.",
            "Stensrud, Ellen Emilie. 2009. New Dilemmas in Transitional Justice: Lessons from the Mixed Courts in Sierra Leone and Cambodia. Journal of Peace Research 46 (1): 5–15.",
        ],
        'after': [('heading', 'Recent Working Papers in this Series'),
                  ('para', '2021/06 Marta Ruiz: Victims in the Courtroom.'),
                  ('para', '2021/05 Tomas Berger: Evidence Rules Compared.'),
                  ('para', '2021/04 Anna Lindqvist: The Politics of Deferral.')],
    },
]

# Dev papers added after the first scoring of the held-out ones: the layouts the held-out
# papers use (numbered, spaced, no heading), with other entries and other headings.
PAPERS += [
    {
        'name': 'en_numbered_onecolumn', 'split': 'dev', 'language': 'en',
        'title': 'Community Health Workers and Maternal Care',
        'layout': 'onecolumn', 'entry_style': 'numbered', 'number_style': '%d.',
        'head': 'Global Health Policy', 'heading': 'Literature Cited',
        'body': BODY_EN[:3], 'repeat': 5,
        'entries': [
            "Lehmann U, Sanders D. Community health workers: What do we know about them? Geneva: World Health Organization; 2007.",
            "Perry HB, Zulliger R, Rogers MM. Community health workers in low-, middle-, and high-income countries: an overview of their history, recent evolution, and current effectiveness. Annu Rev Public Health. 2014;35:399-421.",
            "Haines A, Sanders D, Lehmann U, Rowe AK, Lawn JE, Jan S, et al. Achieving child survival goals: potential contribution of community health workers. Lancet. 2007;369(9579):2121-31.",
            "Glenton C, Colvin CJ, Carlsen B, Swartz A, Lewin S, Noyes J, et al. Barriers and facilitators to the implementation of lay health worker programmes to improve access to maternal and child health: qualitative evidence synthesis. Cochrane Database Syst Rev. 2013;(10):CD010414.",
            "Kok MC, Dieleman M, Taegtmeyer M, Broerse JE, Kane SS, Ormel H, et al. Which intervention design factors influence performance of community health workers in low- and middle-income countries? A systematic review. Health Policy Plan. 2015;30(9):1207-27.",
            "Scott K, Beckham SW, Gross M, Pariyo G, Rao KD, Cometto G, et al. What do we know about community-based health worker programs? A systematic review of existing reviews on community health workers. Hum Resour Health. 2018;16(1):39.",
            "World Health Organization. WHO guideline on health policy and system support to optimize community health worker programmes. Geneva: WHO; 2018.",
            "Singh P, Sachs JD. 1 million community health workers in sub-Saharan Africa by 2015. Lancet. 2013;382(9889):363-5.",
            "Ballard M, Montgomery P. Systematic review of interventions for improving the performance of community health workers in low-income and middle-income countries. BMJ Open. 2017;7(10):e014216.",
            "Christopher JB, Le May A, Lewin S, Ross DA. Thirty years after Alma-Ata: a systematic review of the impact of community health workers delivering curative interventions against malaria, pneumonia and diarrhoea on child mortality and morbidity in sub-Saharan Africa. Hum Resour Health. 2011;9:27.",
        ],
        'after': [('heading', 'Supplementary material'),
                  ('para', 'The interview guide and the coding frame are available from the authors on request.')],
    },
    {
        'name': 'de_quellen_spaced', 'split': 'dev', 'language': 'de',
        'title': 'Bürgerbeteiligung in der Stadtplanung',
        'layout': 'twocolumn', 'entry_style': 'spaced',
        'head': 'Raumforschung und Raumordnung', 'heading': '8. Literaturverzeichnis',
        'body': BODY_DE, 'repeat': 3,
        'entries': [
            "Arnstein, Sherry R. (1969): A Ladder of Citizen Participation. In: Journal of the American Institute of Planners 35 (4), S. 216–224.",
            "Bauer, Hartmut/Büchner, Christiane/Hajasch, Lydia (Hrsg.) (2017): Partizipation in der Bürgerkommune. Potsdam: Universitätsverlag Potsdam.",
            "Fung, Archon (2006): Varieties of Participation in Complex Governance. In: Public Administration Review 66 (s1), S. 66–75.",
            "Geißel, Brigitte (2012): Politische (Un-)Gleichheit und die Versprechen der Demokratie. In: Aus Politik und Zeitgeschichte 62 (38–39), S. 32–37.",
            "Habermas, Jürgen (1992): Faktizität und Geltung. Beiträge zur Diskurstheorie des Rechts und des demokratischen Rechtsstaats. Frankfurt am Main: Suhrkamp.",
            "Klages, Helmut/Vetter, Angelika (2013): Bürgerbeteiligung auf kommunaler Ebene. Perspektiven für eine systematische und verstetigte Gestaltung. Berlin: edition sigma.",
            "Nanz, Patrizia/Fritsche, Miriam (2012): Handbuch Bürgerbeteiligung. Verfahren und Akteure, Chancen und Grenzen. Bonn: Bundeszentrale für politische Bildung (Schriftenreihe, Bd. 1200).",
            "Selle, Klaus (2013): Über Bürgerbeteiligung hinaus. Stadtentwicklung als Gemeinschaftsaufgabe? Analysen und Konzepte. Detmold: Rohn.",
            "Ders. (2019): Öffentlichkeitsbeteiligung in der Stadtentwicklung. In: Informationen zur Raumentwicklung 46 (2), S. 4–19.",
            "Vetter, Angelika (Hg.) (2008): Erfolgsbedingungen lokaler Bürgerbeteiligung. Wiesbaden: VS Verlag für Sozialwissenschaften.",
            "Walk, Heike (2008): Partizipative Governance. Beteiligungsformen und Beteiligungsrechte im Mehrebenensystem der Klimapolitik. Wiesbaden: VS Verlag.",
        ],
        'after': [('heading', 'Anhang'),
                  ('para', 'Tabelle A1 enthält die Fragen des Leitfadens, Tabelle A2 die Zahl der Interviews je Stadt.')],
    },
    {
        'name': 'fr_references_twocolumn', 'split': 'dev', 'language': 'fr',
        'title': 'Les politiques de l’eau en Afrique de l’Ouest',
        'layout': 'twocolumn', 'entry_style': 'hanging',
        'head': 'Revue française d’administration publique', 'heading': 'Références bibliographiques',
        'body': BODY_FR, 'repeat': 4,
        'entries': [
            "Blundo, G. et Olivier de Sardan, J.-P. (dir.) (2007), État et corruption en Afrique. Une anthropologie comparative des relations entre fonctionnaires et usagers, Paris, Karthala.",
            "Bierschenk, T. (2010), « Les États en Afrique : entre technique, politique et fonctionnement réel », Revue internationale de politique comparée, vol. 17, n° 3, p. 9-25.",
            "Darbon, D. (2001), « De l’introuvable à l’innommable : fonctionnaires et professionnels de l’action publique dans les Afriques », Autrepart, n° 20, p. 27-42.",
            "Hassenteufel, P. (2011), Sociologie politique : l’action publique, 2e éd., Paris, Armand Colin.",
            "Jaglin, S. (2005), Services d’eau en Afrique subsaharienne. La fragmentation urbaine en question, Paris, CNRS Éditions.",
            "Lascoumes, P. et Le Galès, P. (2012), Sociologie de l’action publique, 2e éd., Paris, Armand Colin.",
            "Muller, P. (2000), « L’analyse cognitive des politiques publiques : vers une sociologie politique de l’action publique », Revue française de science politique, vol. 50, n° 2, p. 189-208.",
            "Olivier de Sardan, J.-P. (2021), La revanche des contextes. Des mésaventures de l’ingénierie sociale en Afrique et au-delà, Paris, Karthala.",
            "Programme des Nations unies pour le développement (2006), Rapport mondial sur le développement humain 2006. Au-delà de la pénurie : pouvoir, pauvreté et crise mondiale de l’eau, New York, PNUD.",
        ],
        'after': [('heading', 'Résumé'),
                  ('para', 'L’article étudie la mise en œuvre des politiques de l’eau dans trois capitales.')],
    },
    {
        'name': 'en_report_headless', 'split': 'dev', 'language': 'en',
        'title': 'Financing Climate Adaptation in Small Island States',
        'layout': 'twocolumn', 'entry_style': 'hanging',
        'head': 'Policy Report No. 14', 'heading': None,
        'body': BODY_EN, 'repeat': 3,
        'entries': [
            "Adger, W. Neil, Saleemul Huq, Katrina Brown, Declan Conway, and Mike Hulme. 2003. “Adaptation to Climate Change in the Developing World.” Progress in Development Studies 3 (3): 179–195.",
            "Betzold, Carola. 2015. “Adapting to Climate Change in Small Island Developing States.” Climatic Change 133 (3): 481–489.",
            "Ciplet, David, J. Timmons Roberts, and Mizan R. Khan. 2015. Power in a Warming World: The New Global Politics of Climate Change and the Remaking of Environmental Inequality. Cambridge, MA: MIT Press.",
            "Green Climate Fund. 2020. Independent Evaluation of the Relevance and Effectiveness of the Green Climate Fund’s Investments in the Small Island Developing States. Songdo: Independent Evaluation Unit.",
            "Kuruppu, Natasha, and Diana Liverman. 2011. “Mental Preparation for Climate Adaptation: The Role of Cognition and Culture in Enhancing Adaptive Capacity of Water Management in Kiribati.” Global Environmental Change 21 (2): 657–669.",
            "Nunn, Patrick D. 2009. “Responding to the Challenges of Climate Change in the Pacific Islands: Management and Technological Imperatives.” Climate Research 40 (2–3): 211–231.",
            "OECD. 2018. Making Development Co-operation Work for Small Island Developing States. Paris: OECD Publishing.",
            "Robinson, Stacy-ann. 2020. “Climate Change Adaptation in SIDS: A Systematic Review of the Literature Pre and Post the IPCC Fifth Assessment Report.” WIREs Climate Change 11 (4): e653.",
        ],
        'after': [('heading', 'About the Authors'),
                  ('para', 'Leilani Kealoha is a research fellow at the Pacific Policy Institute. '
                           'Tom Ashby directs its climate finance programme.')],
    },
]

PAPERS += [
    {
        'name': 'de_literatur_spaced_onecolumn', 'split': 'dev', 'language': 'de',
        'title': 'Schulautonomie und Bildungsungleichheit',
        'layout': 'onecolumn', 'entry_style': 'spaced',
        'head': 'Zeitschrift für Erziehungswissenschaft', 'heading': '5. Literatur',
        'body': BODY_DE, 'repeat': 5,
        'entries': [
            "Altrichter, Herbert/Maag Merki, Katharina (Hrsg.) (2016): Handbuch Neue Steuerung im Schulsystem. 2. Aufl. Wiesbaden: Springer VS.",
            "Baumert, Jürgen/Stanat, Petra/Watermann, Rainer (Hg.) (2006): Herkunftsbedingte Disparitäten im Bildungswesen. Differenzielle Bildungsprozesse und Probleme der Verteilungsgerechtigkeit. Wiesbaden: VS Verlag für Sozialwissenschaften.",
            "Becker, Rolf (2017): Entstehung und Reproduktion dauerhafter Bildungsungleichheiten. In: Ders. (Hg.): Lehrbuch der Bildungssoziologie. 3. Aufl. Wiesbaden: Springer VS, S. 89–150.",
            "Bourdieu, Pierre/Passeron, Jean-Claude (1971): Die Illusion der Chancengleichheit. Untersuchungen zur Soziologie des Bildungswesens am Beispiel Frankreichs. Stuttgart: Klett.",
            "Fend, Helmut (2008): Neue Theorie der Schule. Einführung in das Verstehen von Bildungssystemen. 2. Aufl. Wiesbaden: VS Verlag.",
            "Kultusministerkonferenz (2015): Gesamtstrategie der Kultusministerkonferenz zum Bildungsmonitoring. Berlin: Sekretariat der KMK.",
            "Maaz, Kai/Baumert, Jürgen/Trautwein, Ulrich (2009): Genese sozialer Ungleichheit im institutionellen Kontext der Schule: Wo entsteht und vergrößert sich soziale Ungleichheit? In: Zeitschrift für Erziehungswissenschaft 12 (Sonderheft 12), S. 11–46.",
            "Rürup, Matthias (2007): Innovationswege im deutschen Bildungssystem. Die Verbreitung der Idee „Schulautonomie“ im Ländervergleich. Wiesbaden: VS Verlag.",
            "Solga, Heike/Dombrowski, Rosine (2009): Soziale Ungleichheiten in schulischer und außerschulischer Bildung. Stand der Forschung und Forschungsbedarf. Düsseldorf: Hans-Böckler-Stiftung (Arbeitspapier 171).",
            "Tillmann, Klaus-Jürgen (2016): Empirische Bildungsforschung in der Kritik. Ein Überblick über Themen und Argumente. In: Baumert, Jürgen/Tillmann, Klaus-Jürgen (Hg.): Empirische Bildungsforschung. Der kritische Blick und die Antwort auf die Kritiker. Wiesbaden: Springer VS, S. 5–49.",
            "Zymek, Bernd (2009): Prozesse der Internationalisierung und Hierarchisierung im Bildungssystem. In: Zeitschrift für Pädagogik 55 (2), S. 175–193.",
        ],
        'after': [('heading', 'Autorenangaben'),
                  ('para', 'Prof. Dr. Sabine Reuter, Institut für Erziehungswissenschaft, '
                           'Universität Tübingen.')],
    },
]

# Dev papers added for the segmentation round of 0.5: a French list headed "Références
# bibliographiques" with "éd." and "dir." entries and an annex after it, and an English
# working paper whose list has no heading, followed by a series' list.
PAPERS += [
    {
        'name': 'fr_references_biblio_onecolumn', 'split': 'dev', 'language': 'fr',
        'title': 'Les juges de proximité et la médiation civile',
        'layout': 'onecolumn', 'entry_style': 'hanging',
        'head': 'Droit et société', 'heading': 'Références bibliographiques',
        'body': BODY_FR, 'repeat': 4,
        'entries': [
            "Bonafé-Schmitt, J.-P., La médiation : une justice douce, Paris, Syros, 1992.",
            "Cadiet, L. (dir.), Dictionnaire de la justice, Paris, Presses universitaires de France, 2004.",
            "Commaille, J., À quoi nous sert le droit ?, Paris, Gallimard, 2015.",
            "Guillaume-Hofnung, M., La médiation, 7e éd., Paris, Presses universitaires de France, 2015.",
            "Guinchard, S. et Chainais, C., Procédure civile. Droit interne et européen du procès civil, 33e éd., Paris, Dalloz, 2016.",
            "Israël, L., « Question(s) de méthode. Se saisir du droit en sociologue », Droit et société, n° 69-70, 2008, p. 381-395.",
            "Jeammaud, A. et Serverin, É. (éd.), La justice de proximité en question, Paris, La Documentation française, 2005.",
            "Milburn, P., La médiation : expériences et compétences, Paris, La Découverte, 2002.",
            "Vauchez, A. et Willemez, L., La justice face à ses réformateurs (1980-2006). Entreprises de modernisation et logiques de résistances, Paris, Presses universitaires de France, 2007.",
            "Weller, J.-M., « Le travail administratif des juges », in Commaille, J. et Kaluszynski, M. (dir.), La fonction politique de la justice, Paris, La Découverte, 2007, p. 75-92.",
        ],
        'after': [('heading', 'Annexe 1. Liste des entretiens'),
                  ('para', 'Entretien 1, juge de proximité, Lyon, 14 mars 2018.'),
                  ('para', 'Entretien 2, greffière, Lyon, 15 mars 2018.'),
                  ('para', 'Entretien 3, médiateur, Grenoble, 2 mai 2018.')],
    },
    {
        'name': 'en_wp_headless_onecolumn', 'split': 'dev', 'language': 'en',
        'title': 'Sanctions and the Survival of Autocrats',
        'layout': 'onecolumn', 'entry_style': 'hanging',
        'head': 'Working Paper 2022/03', 'heading': None,
        'body': BODY_EN, 'repeat': 4,
        'entries': [
            "Allen, Susan Hannah. 2008. The Domestic Political Costs of Economic Sanctions. Journal of Conflict Resolution 52(6): 916-944.",
            "Escribà-Folch, Abel, and Joseph Wright. 2010. Dealing with Tyranny: International Sanctions and the Survival of Authoritarian Rulers. International Studies Quarterly 54(2): 335-359.",
            "Grauvogel, Julia, and Christian von Soest. 2014. Claims to Legitimacy Count: Why Sanctions Fail to Instigate Democratisation in Authoritarian Regimes. European Journal of Political Research 53(4): 635-653.",
            "Hufbauer, Gary Clyde, Jeffrey J. Schott, Kimberly Ann Elliott, and Barbara Oegg. 2007. Economic Sanctions Reconsidered. 3rd ed. Washington, DC: Peterson Institute for International Economics.",
            "Kaempfer, William H., and Anton D. Lowenberg. 1988. The Theory of International Economic Sanctions: A Public Choice Approach. American Economic Review 78(4): 786-793.",
            "Marinov, Nikolay. 2005. Do Economic Sanctions Destabilize Country Leaders? American Journal of Political Science 49(3): 564-576.",
            "Peksen, Dursun. 2009. Better or Worse? The Effect of Economic Sanctions on Human Rights. Journal of Peace Research 46(1): 59-77.",
            "Wood, Reed M. 2008. A Hand upon the Throat of the Nation: Economic Sanctions and State Repression, 1976-2001. International Studies Quarterly 52(3): 489-513.",
        ],
        'after': [('heading', 'Other Papers in this Series'),
                  ('para', '2022/02 Hana Novak: Election Monitors and Their Reports.'),
                  ('para', '2022/01 Peter Sandoval: Courts under Military Rule.'),
                  ('para', '2021/09 Jin Park: Term Limits in Africa.')],
    },
]

# Papers laid out as real ones are (tests/formats/pdf/make_realpdfs.py): a repository cover
# page, footnotes at the page feet (also on the list's pages, one on its heading), running
# heads that alternate, kerned TJ text without space characters, fi/fl ligatures, URLs and
# DOIs broken across lines, endnotes before the list. Written in 0.11; the held-out ones
# were scored once before any rule changed (README).
BODY_DE2 = [
    "Die Frage, wie sich soziale Ungleichheit über den Lebensverlauf hinweg verfestigt, "
    "gehört zu den klassischen Themen der Soziologie. Der vorliegende Beitrag untersucht "
    "sie mit Daten des Sozio-oekonomischen Panels (Esser 1999; Mayer 2009).",
    "Im ersten Schritt werden die theoretischen Überlegungen zur Kumulation von Vor- und "
    "Nachteilen dargestellt, im zweiten die Daten, die Stichprobe und die verwendeten "
    "Verfahren beschrieben. Abschließend werden die Befunde im Licht der Forschung diskutiert.",
    "Als abhängige Variable dient das Haushaltsnettoeinkommen, das nach der modifizierten "
    "OECD-Skala bedarfsgewichtet wird. Kontrolliert werden Alter, Geschlecht, Bildung und "
    "Erwerbsstatus der befragten Personen (vgl. Diekmann 2007: 45).",
    "Die Befunde zeigen, dass frühe Erwerbsunterbrechungen auch Jahrzehnte später mit "
    "geringeren Einkommen einhergehen. Der Zusammenhang ist für Frauen deutlich stärker "
    "als für Männer und bleibt auch unter Kontrolle der Bildung bestehen.",
]

BODY_EN2 = [
    "Research on political participation has long debated whether civic skills or "
    "social networks explain why some citizens take part in politics while others "
    "abstain. This article returns to that debate with panel data (Verba et al. 1995).",
    "We first outline the theoretical argument and derive three hypotheses, then describe "
    "the data, the measures and the estimation strategy, and finally present and discuss "
    "the results in the light of earlier work on mobilization.",
    "Participation is measured by an additive index of seven activities, from contacting "
    "an official to joining a demonstration. The index follows the established practice "
    "of comparative survey research (van Deth 2014, 352).",
    "The findings suggest that networks matter more than skills once prior participation "
    "is held constant. The effect is strongest among younger respondents and among those "
    "who moved to a new place of residence during the panel.",
]

NOTES_DE = [
    "Die Daten wurden vom Deutschen Institut für Wirtschaftsforschung (DIW) bereitgestellt; "
    "für Hinweise danke ich zwei anonymen Gutachtern.",
    "Vgl. hierzu ausführlich die Beiträge in Berger und Vester (1998), insbesondere S. 12–34.",
    "Auf eine Darstellung der vollständigen Modelle wird aus Platzgründen verzichtet; "
    "sie sind auf Anfrage erhältlich.",
    "Dieser Befund deckt sich mit den Ergebnissen früherer Untersuchungen für "
    "Westdeutschland.",
    "Zur Konstruktion des Index siehe den Anhang, Tabelle A1.",
    "Die Gewichtung folgt den Empfehlungen der Projektgruppe; ungewichtete Ergebnisse "
    "weichen nur geringfügig ab.",
]

NOTES_EN = [
    "We thank the participants of the workshop in Mannheim for their comments on an "
    "earlier version of this article.",
    "See Brady, Verba and Schlozman (1995, 273) for the original definition of civic skills.",
    "The full models are reported in the online appendix.",
    "Respondents who left the panel after the first wave are excluded; including them does "
    "not change the results.",
    "All variables are coded so that higher values mean more participation.",
    "The same pattern holds when the index is split into its institutional and its "
    "non-institutional part.",
]

PAPERS += [
    {
        'name': 'de_ssoar_kzfss_wp', 'split': 'dev', 'language': 'de',
        'title': 'Kumulative Benachteiligung im Lebensverlauf',
        'layout': 'onecolumn', 'entry_style': 'hanging', 'heading': 'Literatur',
        'head': '', 'body': BODY_DE2, 'paragraphs': 22,
        'real': {'cover': 'de', 'authors': 'Hofmann, Stefanie; Brandt, Matthias',
                 'kind': 'Arbeitspapier / working paper',
                 'citation': 'Hofmann, S., & Brandt, M. (2018). Kumulative Benachteiligung im '
                             'Lebensverlauf (Arbeitspapiere / Mannheimer Zentrum für Europäische '
                             'Sozialforschung, 171). Mannheim: Mannheimer Zentrum für Europäische '
                             'Sozialforschung -MZES-. https://nbn-resolving.org/urn:nbn:de:0168-ssoar-57104-3',
                 'urn': 'urn:nbn:de:0168-ssoar-57104-3',
                 'notes': NOTES_DE, 'heads': ('Stefanie Hofmann und Matthias Brandt',
                                              'Kumulative Benachteiligung'),
                 'numbers': 'top', 'first_page': 1,
                 'sections': ['1 Einleitung', '2 Theorie und Hypothesen', '3 Daten und Methode']},
        'entries': [
            "Becker, Rolf, und Wolfgang Lauterbach, 2016: Bildung als Privileg. Erklärungen und Befunde zu den Ursachen der Bildungsungleichheit. 5. Aufl. Wiesbaden: Springer VS.",
            "Blossfeld, Hans-Peter, und Sonja Drobnic, 2001: Careers of Couples in Contemporary Society. Oxford: Oxford University Press.",
            "Dannefer, Dale, 2003: Cumulative Advantage/Disadvantage and the Life Course: Cross-Fertilizing Age and Social Science Theory. The Journals of Gerontology Series B 58: 327-337.",
            "Diekmann, Andreas, 2007: Empirische Sozialforschung. Grundlagen, Methoden, Anwendungen. 18. Aufl. Reinbek bei Hamburg: Rowohlt.",
            "DiPrete, Thomas A., und Gregory M. Eirich, 2006: Cumulative Advantage as a Mechanism for Inequality: A Review of Theoretical and Empirical Developments. Annual Review of Sociology 32: 271-297.",
            "Esser, Hartmut, 1999: Soziologie. Spezielle Grundlagen. Band 1: Situationslogik und Handeln. Frankfurt a.M.: Campus.",
            "Esser, Hartmut, 2000: Soziologie. Spezielle Grundlagen. Band 4: Opportunitäten und Restriktionen. Frankfurt a.M.: Campus.",
            "Hillmert, Steffen, 2011: Occupational Mobility and Developments of Inequality along the Life Course. European Societies 13: 401-423.",
            "Kohli, Martin, 1985: Die Institutionalisierung des Lebenslaufs. Historische Befunde und theoretische Argumente. Kölner Zeitschrift für Soziologie und Sozialpsychologie 37: 1-29.",
            "Mayer, Karl Ulrich, 2009: New Directions in Life Course Research. Annual Review of Sociology 35: 413-433.",
            "Merton, Robert K., 1968: The Matthew Effect in Science. Science 159: 56-63.",
            "Statistisches Bundesamt, 2017: Datenreport 2016. Ein Sozialbericht für die Bundesrepublik Deutschland. Bonn: Bundeszentrale für politische Bildung.",
            "von Rosenbladt, Bernhard, und Frauke Bilger, 2008: Weiterbildungsbeteiligung in Deutschland. Eckdaten zum BSW-AES 2007. München: TNS Infratest Sozialforschung.",
        ],
        'after': [('heading', 'Bisher erschienen'),
                  ('para', 'Nr. 170 Keller, Julia: Familiengründung und Erwerbsverläufe von Frauen in Ost- und Westdeutschland. 2017.'),
                  ('para', 'Nr. 169 Weber, Tobias; Lang, Anna: Wahlbeteiligung und soziale Lage. 2017.'),
                  ('para', 'Nr. 168 Schulz, Peter: Bildungsexpansion und Statuserwerb. 2016.')],
    },
    {
        'name': 'de_zfs_article', 'split': 'dev', 'language': 'de',
        'title': 'Risiko, Individualisierung und Vertrauen in Institutionen',
        'layout': 'onecolumn', 'entry_style': 'hanging', 'heading': '7 Literatur',
        'head': '', 'body': BODY_DE2[1:] + BODY_DE2[:1], 'paragraphs': 23,
        'real': {'cover': 'de', 'authors': 'Krüger, Anja',
                 'citation': 'Krüger, A. (2015). Risiko, Individualisierung und Vertrauen in '
                             'Institutionen. Zeitschrift für Soziologie, 44(2), 101-119. '
                             'https://doi.org/10.1515/zfsoz-2015-0203',
                 'urn': 'urn:nbn:de:0168-ssoar-66420-1',
                 'notes': NOTES_DE[2:] + NOTES_DE[:2],
                 'heading_note': 'Alle Internetquellen wurden zuletzt am 3. März 2015 abgerufen.',
                 'heads': ('Anja Krüger', 'Risiko, Individualisierung und Vertrauen'),
                 'numbers': 'foot', 'first_page': 101,
                 'sections': ['1 Einleitung', '2 Forschungsstand', '3 Daten']},
        'entries': [
            "Beck, U. (1986): Risikogesellschaft. Auf dem Weg in eine andere Moderne. Frankfurt/M.: Suhrkamp.",
            "Beck, U./Beck-Gernsheim, E. (1994): Individualisierung in modernen Gesellschaften – Perspektiven und Kontroversen einer subjektorientierten Soziologie. In: Beck, U./Beck-Gernsheim, E. (Hrsg.): Riskante Freiheiten. Frankfurt/M.: Suhrkamp, S. 10–39.",
            "Berger, P. A./Vester, M. (Hrsg.) (1998): Alte Ungleichheiten – Neue Spaltungen. Opladen: Leske + Budrich.",
            "Endreß, M. (2002): Vertrauen. Bielefeld: transcript.",
            "Gabriel, O. W. (1999): Integration durch Institutionenvertrauen? Struktur und Entwicklung des Verhältnisses der Bevölkerung zum Parteienstaat und zum Rechtsstaat im vereinigten Deutschland. In: Friedrichs, J./Jagodzinski, W. (Hrsg.): Soziale Integration. Sonderheft 39 der Kölner Zeitschrift für Soziologie und Sozialpsychologie. Opladen: Westdeutscher Verlag, S. 199–235.",
            "Giddens, A. (1995): Konsequenzen der Moderne. Frankfurt/M.: Suhrkamp.",
            "ders. (1997): Jenseits von Links und Rechts. Die Zukunft radikaler Demokratie. Frankfurt/M.: Suhrkamp.",
            "Kaufmann, F.-X. (1973): Sicherheit als soziologisches und sozialpolitisches Problem. 2. Aufl. Stuttgart: Enke.",
            "Luhmann, N. (1968): Vertrauen. Ein Mechanismus der Reduktion sozialer Komplexität. Stuttgart: Enke.",
            "Nollmann, G. (2004): Leben wir in einer Risikogesellschaft? In: Zeitschrift für Soziologie 33 (3), S. 190–209.",
            "Nowotny, H. (1989): Eigenzeit. Entstehung und Strukturierung eines Zeitgefühls. Frankfurt/M.: Suhrkamp.",
            "dies. (2005): Unersättliche Neugier. Innovation in einer fragilen Zukunft. Berlin: Kulturverlag Kadmos.",
            "Zapf, W./Habich, R. (Hrsg.) (1996): Wohlfahrtsentwicklung im vereinten Deutschland. Sozialstruktur, sozialer Wandel und Lebensqualität. Berlin: edition sigma.",
        ],
        'after': [('heading', 'Anhang'),
                  ('para', 'Tabelle A1: Verteilung der Vertrauensindikatoren nach Erhebungswelle (Anteile in Prozent)'),
                  ('para', 'Welle 1: 42,1 / 37,5 / 20,4; Welle 2: 39,8 / 38,0 / 22,2'),
                  ('heading', 'Zu den Autoren'),
                  ('para', 'Anja Krüger, geb. 1979 in Kassel. Studium der Soziologie in Bielefeld. '
                           'Wissenschaftliche Mitarbeiterin am Institut für Soziologie der '
                           'Universität Göttingen. Forschungsschwerpunkte: Sozialstrukturanalyse, '
                           'Vertrauensforschung.')],
    },
    {
        'name': 'de_word_report', 'split': 'dev', 'language': 'de',
        'title': 'Pflege im ländlichen Raum. Bericht zur Versorgungslage',
        'layout': 'onecolumn', 'entry_style': 'hanging', 'heading': 'Literaturverzeichnis',
        'head': '', 'body': BODY_DE, 'paragraphs': 12,
        'real': {'cover': None, 'creator': 'Microsoft® Word für Microsoft 365',
                 'notes': NOTES_DE[1:4], 'entry_size': 10,
                 'heads': ('Pflege im ländlichen Raum', 'Pflege im ländlichen Raum'),
                 'numbers': 'foot', 'first_page': 1,
                 'sections': ['1. Ausgangslage', '2. Vorgehen', '3. Ergebnisse', '4. Fazit']},
        'entries': [
            "Bundesministerium für Familie, Senioren, Frauen und Jugend (Hrsg.) (2016): Siebter Altenbericht. Sorge und Mitverantwortung in der Kommune – Aufbau und Sicherung zukunftsfähiger Gemeinschaften. Berlin.",
            "Bundesministerium für Gesundheit (2020): Pflegeversicherung. Zahlen und Fakten. Online verfügbar unter https://www.bundesgesundheitsministerium.de/themen/pflege/pflegeversicherung-zahlen-und-fakten.html (Zugriff am 14.05.2020).",
            "Geyer, Johannes/Schulz, Erika (2014): Who cares? Die Bedeutung der informellen Pflege durch Erwerbstätige in Deutschland. In: DIW Wochenbericht 81 (14), S. 294–301.",
            "Hämel, Kerstin/Schaeffer, Doris (2013): Who Cares? Fachkräftemangel in der Pflege. In: Zeitschrift für Sozialreform 59 (4), S. 413–431.",
            "Klie, Thomas (2014): Wen kümmern die Alten? Auf dem Weg in eine sorgende Gemeinschaft. München: Pattloch.",
            "Rothgang, Heinz/Müller, Rolf/Unger, Rainer (2012): Themenreport „Pflege 2030“. Was ist zu erwarten – was ist zu tun? Gütersloh: Bertelsmann Stiftung.",
            "Rothgang, Heinz/Müller, Rolf (2018): Pflegereport 2018. Schriftenreihe zur Gesundheitsanalyse, Band 12. Berlin: BARMER.",
            "Statistisches Bundesamt (2018): Pflegestatistik 2017. Pflege im Rahmen der Pflegeversicherung. Deutschlandergebnisse. Wiesbaden. https://www.destatis.de/DE/Themen/Gesellschaft-Umwelt/Gesundheit/Pflege/Publikationen/Downloads-Pflege/pflege-deutschlandergebnisse-5224001179004.pdf (Zugriff am 02.03.2020).",
            "Statistisches Bundesamt (2019): Bevölkerung im Wandel. Annahmen und Ergebnisse der 14. koordinierten Bevölkerungsvorausberechnung. Wiesbaden.",
            "Wingenfeld, Klaus/Büscher, Andreas/Gansweid, Barbara (2011): Das neue Begutachtungsassessment zur Feststellung von Pflegebedürftigkeit. Bielefeld/Münster: Institut für Pflegewissenschaft.",
            "Zich, Karsten/Tisch, Thorsten (2017): Faktencheck Pflege: Pflegeinfrastruktur. Die pflegerische Versorgung im Regionalvergleich. Gütersloh: Bertelsmann Stiftung. https://doi.org/10.11586/2017023",
        ],
        'after': [('heading', 'Tabellenverzeichnis'),
                  ('para', 'Tabelle 1: Pflegebedürftige nach Versorgungsart, 2017 ........ 7'),
                  ('para', 'Tabelle 2: Ambulante Dienste je 10.000 Einwohner nach Kreistyp ........ 9'),
                  ('para', 'Tabelle 3: Erwartete Zahl der Pflegebedürftigen bis 2030 ........ 12')],
    },
    {
        'name': 'de_quellen_particles', 'split': 'dev', 'language': 'de',
        'title': 'Parteien und Verbände in der frühen Bundesrepublik',
        'layout': 'twocolumn', 'entry_style': 'hanging',
        'heading': 'Quellen- und Literaturverzeichnis',
        'head': '', 'body': BODY_DE2, 'paragraphs': 16,
        'real': {'cover': None, 'heads': ('Politische Vierteljahresschrift', 'Jan Hollmann'),
                 'numbers': 'top', 'first_page': 212},
        'entries': [
            "Abelshauser, Werner, 2004: Deutsche Wirtschaftsgeschichte seit 1945. München: C. H. Beck.",
            "Alemann, Ulrich von, 1987: Organisierte Interessen in der Bundesrepublik. Opladen: Leske + Budrich.",
            "de Swaan, Abram, 1993: Der sorgende Staat. Wohlfahrt, Gesundheit und Bildung in Europa und den USA der Neuzeit. Frankfurt a.M.: Campus.",
            "Eschenburg, Theodor, 1955: Herrschaft der Verbände? Stuttgart: Deutsche Verlags-Anstalt.",
            "–, 1963: Zur politischen Praxis in der Bundesrepublik. Kritische Betrachtungen 1957-1961. München: Piper.",
            "Lehmbruch, Gerhard, 1998: Parteienwettbewerb im Bundesstaat. Regelsysteme und Spannungslagen im Institutionengefüge der Bundesrepublik Deutschland. 2. Aufl. Opladen: Westdeutscher Verlag.",
            "Stöss, Richard (Hrsg.), 1983: Parteien-Handbuch. Die Parteien der Bundesrepublik Deutschland 1945-1980. Opladen: Westdeutscher Verlag.",
            "van Deth, Jan W., 2014: A Conceptual Map of Political Participation. Acta Politica 49: 349-367.",
            "von Beyme, Klaus, 1980: Interessengruppen in der Demokratie. 5. Aufl. München: Piper.",
            "–, 2000: Parteien im Wandel. Von den Volksparteien zu den professionalisierten Wählerparteien. Wiesbaden: Westdeutscher Verlag.",
            "Weber, Jürgen, 1977: Die Interessengruppen im politischen System der Bundesrepublik Deutschland. Stuttgart: Kohlhammer.",
            "Wiesenthal, Helmut, 1993: Akteurkompetenz im Organisationsdilemma. Grundprobleme strategisch ambitionierter Mitgliederverbände und zwei Techniken ihrer Überwindung. Berliner Journal für Soziologie 3: 3-18.",
        ],
        'after': [('heading', 'Zu den Autoren'),
                  ('para', 'Dr. Jan Hollmann ist wissenschaftlicher Mitarbeiter am Institut für '
                           'Politikwissenschaft der Universität Münster. Er forscht zur '
                           'Geschichte der Interessenverbände.')],
    },
    {
        'name': 'en_apa_doi_cover', 'split': 'dev', 'language': 'en',
        'title': 'Networks, Skills, and Political Participation over Time',
        'layout': 'onecolumn', 'entry_style': 'hanging', 'heading': 'References',
        'head': '', 'body': BODY_EN2, 'paragraphs': 13,
        'real': {'cover': 'en', 'authors': 'Miller, Rachel; Osei, Daniel',
                 'citation': 'Miller, R., & Osei, D. (2020). Networks, skills, and political '
                             'participation over time. Political Behavior, 42(3), 655-681. '
                             'https://doi.org/10.1007/s11109-019-09512-6',
                 'urn': 'urn:nbn:de:0168-ssoar-70214-8', 'notes': NOTES_EN,
                 'heads': ('R. Miller and D. Osei', 'Networks and participation'),
                 'numbers': 'top', 'first_page': 655,
                 'sections': ['Introduction', 'Theory and Hypotheses', 'Data and Methods']},
        'entries': [
            "Brady, H. E., Verba, S., & Schlozman, K. L. (1995). Beyond SES: A resource model of political participation. American Political Science Review, 89(2), 271–294. https://doi.org/10.2307/2082425",
            "Campbell, D. E. (2013). Social networks and political participation. Annual Review of Political Science, 16, 33–48. https://doi.org/10.1146/annurev-polisci-033011-201728",
            "Dalton, R. J. (2017). The participation gap: Social status and political inequality. Oxford University Press.",
            "Gallego, A. (2015). Unequal political participation worldwide. Cambridge University Press. https://doi.org/10.1017/CBO9781139151726",
            "Klofstad, C. A. (2011). Civic talk: Peers, politics, and the future of democracy. Temple University Press.",
            "McClurg, S. D. (2003). Social networks and political participation: The role of social interaction in explaining political participation. Political Research Quarterly, 56(4), 449–464.",
            "Quintelier, E., & van Deth, J. W. (2014). Supporting democracy: Political participation and political attitudes. Exploring causality using panel data. Political Studies, 62(1_suppl), 153–171. https://doi.org/10.1111/1467-9248.12097",
            "Rosenstone, S. J., & Hansen, J. M. (1993). Mobilization, participation, and democracy in America. Macmillan.",
            "Schlozman, K. L., Verba, S., & Brady, H. E. (2012). The unheavenly chorus: Unequal political voice and the broken promise of American democracy. Princeton University Press.",
            "Theocharis, Y., & van Deth, J. W. (2018). The continuous expansion of citizen participation: A new taxonomy. European Political Science Review, 10(1), 139–163. https://doi.org/10.1017/S1755773916000230",
            "Verba, S., Schlozman, K. L., & Brady, H. E. (1995). Voice and equality: Civic voluntarism in American politics. Harvard University Press.",
            "World Values Survey Association. (2015). World Values Survey Wave 6 2010–2014 official aggregate (Version 20150418) [Data set]. JD Systems Institute.",
        ],
        'after': [('heading', 'Appendix'),
                  ('para', 'Table A1 lists the seven activities of the participation index with '
                           'their shares in each wave. Table A2 gives the full models.')],
    },
    {
        'name': 'en_chicago_endnotes', 'split': 'dev', 'language': 'en',
        'title': 'Fiscal Capacity and the Making of Welfare States',
        'layout': 'onecolumn', 'entry_style': 'hanging', 'heading': 'References',
        'head': '', 'body': BODY_EN, 'paragraphs': 16,
        'real': {'cover': None,
                 'heads': ('Comparative Politics Working Papers', 'Fiscal Capacity and Welfare'),
                 'numbers': 'foot', 'first_page': 1,
                 'endnotes': [
                     "On the distinction between extractive and administrative capacity see also Tilly (1990, 45–52).",
                     "The coding rules are described in the online appendix; the data are available from the author.",
                     "This follows the convention of the literature on the fiscal state, although other thresholds give similar results.",
                     "Esping-Andersen (1990) makes a related argument about decommodification.",
                 ]},
        'entries': [
            "Besley, Timothy, and Torsten Persson. 2011. Pillars of Prosperity: The Political Economics of Development Clusters. Princeton, NJ: Princeton University Press.",
            "Esping-Andersen, Gøsta. 1990. The Three Worlds of Welfare Capitalism. Princeton, NJ: Princeton University Press.",
            "———. 1999. Social Foundations of Postindustrial Economies. Oxford: Oxford University Press.",
            "Huber, Evelyne, and John D. Stephens. 2001. Development and Crisis of the Welfare State: Parties and Policies in Global Markets. Chicago: University of Chicago Press.",
            "Kato, Junko. 2003. Regressive Taxation and the Welfare State: Path Dependence and Policy Diffusion. Cambridge: Cambridge University Press.",
            "Levi, Margaret. 1988. Of Rule and Revenue. Berkeley: University of California Press.",
            "Lindert, Peter H. 2004. Growing Public: Social Spending and Economic Growth since the Eighteenth Century. Vol. 1. Cambridge: Cambridge University Press.",
            "Scheve, Kenneth, and David Stasavage. 2016. Taxing the Rich: A History of Fiscal Fairness in the United States and Europe. Princeton, NJ: Princeton University Press.",
            "Steinmo, Sven. 1993. Taxation and Democracy: Swedish, British, and American Approaches to Financing the Modern State. New Haven, CT: Yale University Press.",
            "Tilly, Charles. 1990. Coercion, Capital, and European States, AD 990–1990. Cambridge, MA: Basil Blackwell.",
            "———. 2007. Democracy. Cambridge: Cambridge University Press.",
        ],
        'after': [('heading', 'About the Author'),
                  ('para', 'Laura Bennett is Assistant Professor of Political Science at the '
                           'University of Toronto. Her research examines the historical '
                           'origins of taxation and social policy.')],
    },
    # held out: scored once before any rule changed, and at the end
    {
        'name': 'de_ssoar_literaturverzeichnis', 'split': 'heldout', 'language': 'de',
        'title': 'Ehrenamtliches Engagement und soziale Integration von Zugewanderten',
        'layout': 'onecolumn', 'entry_style': 'hanging', 'heading': 'Literaturverzeichnis',
        'head': '', 'body': BODY_DE2[2:] + BODY_DE2[:2], 'paragraphs': 10,
        'real': {'cover': 'de', 'authors': 'Yilmaz, Deniz; Schäfer, Carolin',
                 'citation': 'Yilmaz, D., & Schäfer, C. (2019). Ehrenamtliches Engagement und '
                             'soziale Integration von Zugewanderten. Soziale Welt, 70(1), 33-58. '
                             'https://doi.org/10.5771/0038-6073-2019-1-33',
                 'urn': 'urn:nbn:de:0168-ssoar-61830-2', 'notes': NOTES_DE[3:] + NOTES_DE[:3],
                 'heading_note': 'Alle Internetquellen wurden zuletzt am 10. Januar 2019 geprüft.',
                 'heads': ('Deniz Yilmaz und Carolin Schäfer', 'Engagement und Integration'),
                 'numbers': 'top', 'first_page': 33,
                 'sections': ['1. Einleitung', '2. Forschungsstand', '3. Daten und Methoden']},
        'entries': [
            "Alscher, M./Dathe, D./Priller, E./Speth, R. (2009): Bericht zur Lage und zu den Perspektiven des bürgerschaftlichen Engagements in Deutschland. Berlin: Bundesministerium für Familie, Senioren, Frauen und Jugend.",
            "Braun, S. (2011): Ehrenamtliches und freiwilliges Engagement im Sport. Sportbezogene Sonderauswertung der Freiwilligensurveys von 1999, 2004 und 2009. Köln: Sportverlag Strauß.",
            "Esser, H. (2001): Integration und ethnische Schichtung. Arbeitspapiere Nr. 40. Mannheim: Mannheimer Zentrum für Europäische Sozialforschung.",
            "ders. (2009): Pluralisierung oder Assimilation? Effekte der multiplen Inklusion auf die Integration von Migranten. In: Zeitschrift für Soziologie 38 (5), S. 358–378.",
            "Gensicke, T./Geiss, S. (2010): Hauptbericht des Freiwilligensurveys 2009. Zivilgesellschaft, soziales Kapital und freiwilliges Engagement in Deutschland 1999 – 2004 – 2009. München: TNS Infratest Sozialforschung.",
            "Halm, D./Sauer, M. (2007): Bürgerschaftliches Engagement von Türkinnen und Türken in Deutschland. Wiesbaden: VS Verlag für Sozialwissenschaften.",
            "Kalter, F. (Hrsg.) (2008): Migration und Integration. Sonderheft 48 der Kölner Zeitschrift für Soziologie und Sozialpsychologie. Wiesbaden: VS Verlag für Sozialwissenschaften.",
            "Putnam, R. D. (2000): Bowling Alone. The Collapse and Revival of American Community. New York: Simon & Schuster.",
            "Sachverständigenrat deutscher Stiftungen für Integration und Migration (2016): Viele Götter, ein Staat: Religiöse Vielfalt und Teilhabe im Einwanderungsland. Jahresgutachten 2016. Berlin: SVR.",
            "Simonson, J./Vogel, C./Tesch-Römer, C. (Hrsg.) (2017): Freiwilliges Engagement in Deutschland. Der Deutsche Freiwilligensurvey 2014. Wiesbaden: Springer VS. https://doi.org/10.1007/978-3-658-12644-5",
            "van Deth, J. W. (2001): Soziale und politische Beteiligung: Alternativen, Ergänzungen oder Zwillinge? In: Koch, A./Wasmer, M./Schmidt, P. (Hrsg.): Politische Partizipation in der Bundesrepublik Deutschland. Opladen: Leske + Budrich, S. 195–219.",
            "Vogel, C./Simonson, J./Tesch-Römer, C. (2017): Freiwilliges Engagement und informelle Unterstützungsleistungen von Personen mit Migrationshintergrund. In: Simonson, J./Vogel, C./Tesch-Römer, C. (Hrsg.): Freiwilliges Engagement in Deutschland. Wiesbaden: Springer VS, S. 601–634.",
        ],
        'after': [('heading', 'Zu den Autorinnen'),
                  ('para', 'Deniz Yilmaz ist wissenschaftliche Mitarbeiterin am Deutschen '
                           'Zentrum für Integrations- und Migrationsforschung (DeZIM), Berlin.'),
                  ('para', 'Carolin Schäfer ist Professorin für Soziologie an der Universität '
                           'Osnabrück.')],
    },
    {
        'name': 'de_twocol_dashes', 'split': 'heldout', 'language': 'de',
        'title': 'Wahlbeteiligung und Nichtwahl in deutschen Großstädten',
        'layout': 'twocolumn', 'entry_style': 'hanging', 'heading': 'Literatur',
        'head': '', 'body': BODY_DE, 'paragraphs': 15,
        'real': {'cover': None, 'heads': ('Zeitschrift für Parlamentsfragen', 'Tim Reuter'),
                 'numbers': 'top', 'first_page': 488},
        'entries': [
            "Arzheimer, Kai, 2002: Politikverdrossenheit. Bedeutung, Verwendung und empirische Relevanz eines politikwissenschaftlichen Begriffes. Wiesbaden: Westdeutscher Verlag.",
            "Caballero, Claudio, 2014: Nichtwahl. S. 437-488 in: Jürgen W. Falter und Harald Schoen (Hg.), Handbuch Wahlforschung. 2. Aufl. Wiesbaden: Springer VS.",
            "Falter, Jürgen W., und Siegfried Schumann, 1993: Nichtwahl und Protestwahl: Zwei Seiten einer Medaille. Aus Politik und Zeitgeschichte 43: 36-49.",
            "Kleinhenz, Thomas, 1995: Die Nichtwähler. Ursachen der sinkenden Wahlbeteiligung in Deutschland. Opladen: Westdeutscher Verlag.",
            "Schäfer, Armin, 2015: Der Verlust politischer Gleichheit. Warum die sinkende Wahlbeteiligung der Demokratie schadet. Frankfurt a.M.: Campus.",
            "–, 2012: Beeinflusst die sinkende Wahlbeteiligung das Wahlergebnis? Eine Analyse kleinräumiger Wahldaten in deutschen Großstädten. Politische Vierteljahresschrift 53: 240-264.",
            "Schäfer, Armin, Robert Vehrkamp und Jérémie Felix Gagné, 2013: Prekäre Wahlen. Milieus und soziale Selektivität der Wahlbeteiligung bei der Bundestagswahl 2013. Gütersloh: Bertelsmann Stiftung.",
            "Steinbrecher, Markus, Sandra Huber und Hans Rattinger, 2007: Turnout in Germany. Citizen Participation in State, Federal, and European Elections since 1979. Baden-Baden: Nomos.",
            "Statistisches Bundesamt, 2018: Wahl zum 19. Deutschen Bundestag am 24. September 2017. Heft 4: Wahlbeteiligung und Stimmabgabe der Männer und Frauen nach Altersgruppen. Wiesbaden.",
            "von Alemann, Ulrich, Philipp Erbentraut und Jens Walther, 2018: Das Parteiensystem der Bundesrepublik Deutschland. 5. Aufl. Wiesbaden: Springer VS.",
            "Westle, Bettina, 2013: Wahlbeteiligung. S. 283-301 in: Oscar W. Gabriel und Bettina Westle (Hg.), Wählerverhalten in der Demokratie. Baden-Baden: Nomos.",
        ],
        'after': [('heading', 'Anhang'),
                  ('para', 'Tabelle A1: Wahlbeteiligung in den Stimmbezirken nach Arbeitslosenquote, 28 Großstädte, Bundestagswahl 2017.')],
    },
    {
        'name': 'de_wp_numbered_literatur', 'split': 'heldout', 'language': 'de',
        'title': 'Arbeitszeitwünsche von Beschäftigten in Teilzeit',
        'layout': 'onecolumn', 'entry_style': 'hanging', 'heading': '6 Literatur',
        'head': '', 'body': BODY_DE2, 'paragraphs': 23,
        'real': {'cover': None, 'creator': 'Microsoft® Word 2016', 'entry_size': 10,
                 'notes': NOTES_DE,
                 'heads': ('Discussion Paper SP I 2019-102', 'Discussion Paper SP I 2019-102'),
                 'numbers': 'foot', 'first_page': 1,
                 'sections': ['1 Einleitung', '2 Stand der Forschung', '3 Daten']},
        'entries': [
            "Allmendinger, J./Haarbrücker, J. (2017): Lebensentwürfe heute. Wie junge Frauen und Männer in Deutschland leben wollen. WZB Discussion Paper P 2017-002. Berlin: Wissenschaftszentrum Berlin für Sozialforschung.",
            "Bundesagentur für Arbeit (2019): Beschäftigungsstatistik. Sozialversicherungspflichtig Beschäftigte nach Arbeitszeit. Nürnberg.",
            "Holst, E./Wieber, A. (2014): Bei der Erwerbstätigkeit der Frauen liegt Ostdeutschland vorn. In: DIW Wochenbericht 81 (40), S. 967–975.",
            "Holst, E. (2007): Arbeitszeitwünsche von Frauen und Männern. In: Wirtschaftsdienst 87 (3), S. 192–196.",
            "Klenner, C./Lott, Y. (2016): Arbeitszeitoptionen im Lebensverlauf. Bedingungen und Barrieren ihrer Nutzung im Betrieb. WSI Working Paper Nr. 204. Düsseldorf: Hans-Böckler-Stiftung.",
            "Pfau-Effinger, B. (2000): Kultur und Frauenerwerbstätigkeit in Europa. Theorie und Empirie des internationalen Vergleichs. Opladen: Leske + Budrich.",
            "dies. (2004): Development of Culture, Welfare States and Women's Employment in Europe. Aldershot: Ashgate.",
            "Seifert, H. (Hrsg.) (2005): Flexible Zeiten in der Arbeitswelt. Frankfurt a. M./New York: Campus.",
            "Wanger, S. (2015): Frauen und Männer am Arbeitsmarkt: Traditionelle Erwerbs- und Arbeitszeitmuster sind nach wie vor verbreitet. IAB-Kurzbericht 4/2015. Nürnberg: Institut für Arbeitsmarkt- und Berufsforschung. http://doku.iab.de/kurzber/2015/kb0415.pdf",
            "Wotschack, P. (2019): Dauerhaft in Teilzeit? Die Bedeutung betrieblicher Arbeitszeitpolitik. In: Zeitschrift für Soziologie 48 (2), S. 120–138.",
        ],
        'after': [('heading', 'Bisher erschienen in dieser Reihe'),
                  ('para', 'SP I 2019-101 Berger, Lena: Befristete Beschäftigung und Familiengründung.'),
                  ('para', 'SP I 2018-104 Nowak, Jan; Richter, Eva: Mindestlohn und Arbeitszeit.'),
                  ('para', 'SP I 2018-103 Ahmadi, Sara: Qualifikation und Anerkennung ausländischer Abschlüsse.')],
    },
    {
        'name': 'en_apa_word', 'split': 'heldout', 'language': 'en',
        'title': 'Trust in Science during Public Health Crises',
        'layout': 'onecolumn', 'entry_style': 'hanging', 'heading': 'References',
        'head': '', 'body': BODY_EN2[1:] + BODY_EN2[:1], 'paragraphs': 14,
        'real': {'cover': None, 'creator': 'Microsoft® Word for Microsoft 365', 'entry_size': 10,
                 'notes': NOTES_EN[2:],
                 'heads': ('TRUST IN SCIENCE', 'TRUST IN SCIENCE'),
                 'numbers': 'foot', 'first_page': 1,
                 'sections': ['Method', 'Results', 'Discussion', 'Limitations']},
        'entries': [
            "Achterberg, P., de Koster, W., & van der Waal, J. (2017). A science confidence gap: Education, trust in scientific methods, and trust in scientific institutions in the United States, 2014. Public Understanding of Science, 26(6), 704–720. https://doi.org/10.1177/0963662515617367",
            "Bromme, R., Mede, N. G., Thomm, E., Kremer, B., & Ziegler, R. (2022). An anchor in troubled times: Trust in science before and within the COVID-19 pandemic. PLOS ONE, 17(2), Article e0262823. https://doi.org/10.1371/journal.pone.0262823",
            "Funk, C., Hefferon, M., Kennedy, B., & Johnson, C. (2019). Trust and mistrust in Americans' views of scientific experts. Pew Research Center.",
            "Gauchat, G. (2012). Politicization of science in the public sphere: A study of public trust in the United States, 1974 to 2010. American Sociological Review, 77(2), 167–187. https://doi.org/10.1177/0003122412438225",
            "Hendriks, F., Kienhues, D., & Bromme, R. (2016). Trust in science and the science of trust. In B. Blöbaum (Ed.), Trust and communication in a digitized world (pp. 143–159). Springer.",
            "Nisbet, M. C., & Scheufele, D. A. (2009). What's next for science communication? Promising directions and lingering distractions. American Journal of Botany, 96(10), 1767–1778.",
            "Rutjens, B. T., Heine, S. J., Sutton, R. M., & van Harreveld, F. (2018). Attitudes towards science. Advances in Experimental Social Psychology, 57, 125–165.",
            "Wellcome Trust. (2019). Wellcome Global Monitor 2018: How does the world feel about science and health? https://wellcome.org/reports/wellcome-global-monitor/2018",
            "Wissenschaft im Dialog. (2020). Wissenschaftsbarometer 2020. https://www.wissenschaft-im-dialog.de/projekte/wissenschaftsbarometer/",
        ],
        'after': [('heading', 'Author Biographies'),
                  ('para', 'Hannah Clarke is a Research Fellow at the Centre for Science '
                           'Communication, University of Leeds.'),
                  ('para', 'Martin Vogt is Professor of Communication Science at the '
                           'University of Münster.')],
    },
    {
        'name': 'en_chicago_cover', 'split': 'heldout', 'language': 'en',
        'title': 'Land, Labor, and Rebellion in Colonial Bengal',
        'layout': 'onecolumn', 'entry_style': 'hanging', 'heading': 'Works Cited',
        'head': '', 'body': BODY_EN, 'paragraphs': 16,
        'real': {'cover': 'en', 'authors': 'Sen, Arjun',
                 'citation': 'Sen, A. (2016). Land, labor, and rebellion in colonial Bengal. '
                             'Historical Social Research, 41(4), 210-236. '
                             'https://doi.org/10.12759/hsr.41.2016.4.210-236',
                 'urn': 'urn:nbn:de:0168-ssoar-49901-2',
                 'heads': ('Historical Social Research 41 (2016) 4', 'Arjun Sen'),
                 'numbers': 'top', 'first_page': 210,
                 'endnotes': [
                     "The district records are held in the West Bengal State Archives; see Guha (1983, 12–18) for their history.",
                     "All translations from Bengali are my own.",
                     "On the Permanent Settlement see Bose (1993), chapter 2.",
                 ]},
        'entries': [
            "Bayly, C. A. 1988. Indian Society and the Making of the British Empire. Cambridge: Cambridge University Press.",
            "Bose, Sugata. 1993. Peasant Labour and Colonial Capital: Rural Bengal since 1770. Cambridge: Cambridge University Press.",
            "Chatterjee, Partha. 1993. The Nation and Its Fragments: Colonial and Postcolonial Histories. Princeton, NJ: Princeton University Press.",
            "Guha, Ranajit. 1983. Elementary Aspects of Peasant Insurgency in Colonial India. Delhi: Oxford University Press.",
            "———. 1997. Dominance without Hegemony: History and Power in Colonial India. Cambridge, MA: Harvard University Press.",
            "Scott, James C. 1976. The Moral Economy of the Peasant: Rebellion and Subsistence in Southeast Asia. New Haven, CT: Yale University Press.",
            "———. 1985. Weapons of the Weak: Everyday Forms of Peasant Resistance. New Haven, CT: Yale University Press.",
            "Sen, Sunil. 1972. Agrarian Struggle in Bengal, 1946–47. New Delhi: People's Publishing House.",
            "Washbrook, David. 1981. Law, State and Agrarian Society in Colonial India. Modern Asian Studies 15 (3): 649–721.",
            "Wolf, Eric R. 1969. Peasant Wars of the Twentieth Century. New York: Harper & Row.",
        ],
        'after': [('heading', 'Appendix: Archival Sources'),
                  ('para', 'West Bengal State Archives, Kolkata: Board of Revenue Proceedings, 1855–1860.'),
                  ('para', 'British Library, London: India Office Records, Judicial Department.')],
    },
]

# Dev papers added after the first rules of 0.11, in Word's and publishers' ways: 1.5-line
# spacing, a 1.25 cm hanging indent with 6 pt after each entry, "Seite n von m" footers,
# justified entries, a publisher's download stamp at every page's foot.
PAPERS += [
    {
        'name': 'de_word_spaced', 'split': 'dev', 'language': 'de',
        'title': 'Digitalisierung der Arbeitsverwaltung. Abschlussbericht',
        'layout': 'onecolumn', 'entry_style': 'hanging', 'heading': 'Literaturverzeichnis',
        'head': '', 'body': BODY_DE, 'paragraphs': 9,
        'real': {'cover': None, 'creator': 'Microsoft® Word 2019', 'body_size': 11,
                 'spacing': 1.5, 'entry_size': 11, 'entry_leading': 14, 'hang': 35.4,
                 'entry_gap': 6, 'notes': NOTES_DE[:3], 'page_label': 'Seite %(n)d von %(of)d',
                 'heads': ('Abschlussbericht', 'Abschlussbericht'), 'numbers': 'foot',
                 'sections': ['1 Einleitung', '2 Vorgehen', '3 Ergebnisse']},
        'entries': [
            "Bundesagentur für Arbeit (2021): Geschäftsbericht 2020. Nürnberg. https://www.arbeitsagentur.de/datei/geschaeftsbericht-2020_ba146969.pdf (abgerufen am 11.10.2021).",
            "Bundesministerium des Innern (2017): Digitale Verwaltung 2020. Regierungsprogramm 18. Legislaturperiode. Berlin.",
            "Fleischer, Julia/Carstens, Nora (2021): Policy labs as arenas for boundary spanning: inside the digital transformation in Germany. In: Public Management Review 23 (9), S. 1–18.",
            "Hüther, Michael (2016): Digitalisierung: Systematisierung der Trends und Handlungsfelder. IW-Analysen Nr. 106. Köln: Institut der deutschen Wirtschaft.",
            "Kubicek, Herbert/Lippa, Barbara/Koop, Alexander (2011): Erfolgreich beteiligt? Nutzen und Erfolgsfaktoren internetgestützter Bürgerbeteiligung. Gütersloh: Verlag Bertelsmann Stiftung.",
            "Lühr, Henning/Jabkowski, Roland/Smentek, Sabine (Hrsg.) (2019): Handbuch Digitale Verwaltung. Wiesbaden: Kommunal- und Schul-Verlag.",
            "Mergel, Ines (2019): Digitale Transformation als Reformvorhaben der deutschen öffentlichen Verwaltung. In: dms – der moderne staat 12 (1), S. 162–171.",
            "Nationaler Normenkontrollrat (2020): Digitale Verwaltung braucht digitaltaugliches Recht. Der modulare Einkommensbegriff. Berlin.",
            "Schuppan, Tino (2016): E-Government in Deutschland: Stand und Perspektiven. In: Verwaltung & Management 22 (3), S. 115–124.",
            "von Lucke, Jörn (2016): Deutschland auf dem Weg zum Smart Government. In: Verwaltung & Management 22 (4), S. 171–186.",
        ],
        'after': [('heading', 'Anhang'),
                  ('para', 'Leitfaden für die Interviews mit den Teamleitungen (Auszug).'),
                  ('heading', 'Abbildungsverzeichnis'),
                  ('para', 'Abbildung 1: Nutzung der Online-Dienste nach Altersgruppen ........ 6'),
                  ('para', 'Abbildung 2: Bearbeitungszeiten vor und nach der Umstellung ........ 9')],
    },
    {
        'name': 'de_publisher_stamp', 'split': 'dev', 'language': 'de',
        'title': 'Soziale Herkunft und Studienabbruch',
        'layout': 'onecolumn', 'entry_style': 'hanging', 'heading': 'Literatur',
        'head': '', 'body': BODY_DE2, 'paragraphs': 16,
        'real': {'cover': 'de', 'authors': 'Neumann, Lisa; Franke, Oliver',
                 'citation': 'Neumann, L., & Franke, O. (2019). Soziale Herkunft und '
                             'Studienabbruch. Zeitschrift für Soziologie der Erziehung und '
                             'Sozialisation, 39(1), 56-77.',
                 'urn': 'urn:nbn:de:0168-ssoar-62331-9', 'notes': NOTES_DE[1:],
                 'justify_entries': True,
                 'download_line': 'Brought to you by | Universitätsbibliothek Mannheim '
                                  'Authenticated | Download Date | 3/12/19 11:05 AM',
                 'heads': ('Lisa Neumann und Oliver Franke', 'Soziale Herkunft und Studienabbruch'),
                 'numbers': 'top', 'first_page': 56,
                 'sections': ['1 Einleitung', '2 Theorie', '3 Daten', '4 Ergebnisse']},
        'entries': [
            "Blüthmann, Irmela, Steffen Lepa und Felix Thiel, 2008: Studienabbruch und -wechsel in den neuen Bachelorstudiengängen. Untersuchung und Analyse von Abbruchgründen. Zeitschrift für Erziehungswissenschaft 11: 406-429.",
            "Boudon, Raymond, 1974: Education, Opportunity, and Social Inequality. Changing Prospects in Western Society. New York: Wiley.",
            "Breen, Richard, und John H. Goldthorpe, 1997: Explaining Educational Differentials: Towards a Formal Rational Action Theory. Rationality and Society 9: 275-305.",
            "Heublein, Ulrich, Johanna Ebert, Christopher Hutzsch, Sören Isleib, Richard König, Julia Richter und Andreas Woisch, 2017: Zwischen Studienerwartungen und Studienwirklichkeit. Forum Hochschule 1/2017. Hannover: DZHW.",
            "Isleib, Sören, 2019: Soziale Herkunft und Studienabbruch im Bachelor- und Masterstudium. S. 307-337 in: Markus Lörz und Heike Quast (Hg.), Bildungs- und Berufsverläufe mit Bachelor und Master. Wiesbaden: Springer VS.",
            "Müller, Walter, und Reinhard Pollak, 2016: Weshalb gibt es so wenige Arbeiterkinder in Deutschlands Universitäten? S. 345-386 in: Rolf Becker und Wolfgang Lauterbach (Hg.), Bildung als Privileg. 5. Aufl. Wiesbaden: Springer VS.",
            "Schneider, Thorsten, 2008: Social Inequality in Educational Participation in the German School System in a Longitudinal Perspective: Pathways into and out of the Most Prestigious School Track. European Sociological Review 24: 511-526.",
            "Tinto, Vincent, 1975: Dropout from Higher Education: A Theoretical Synthesis of Recent Research. Review of Educational Research 45: 89-125.",
            "–, 1993: Leaving College. Rethinking the Causes and Cures of Student Attrition. 2. Aufl. Chicago: University of Chicago Press.",
            "Wissenschaftsrat, 2015: Empfehlungen zum Verhältnis von Hochschulbildung und Arbeitsmarkt. Drs. 4925-15. Köln.",
        ],
        'after': [('heading', 'Anhang'),
                  ('para', 'Tabelle A1: Deskriptive Statistiken der verwendeten Variablen (N = 4.812).'),
                  ('heading', 'Autorenangaben'),
                  ('para', 'Lisa Neumann, M.A., Deutsches Zentrum für Hochschul- und '
                           'Wissenschaftsforschung (DZHW), Lange Laube 12, 30159 Hannover. '
                           'E-Mail: neumann@dzhw.eu')],
    },
    {
        'name': 'en_publisher_justified', 'split': 'dev', 'language': 'en',
        'title': 'Housing Costs and Residential Mobility of Young Adults',
        'layout': 'onecolumn', 'entry_style': 'hanging', 'heading': 'References',
        'head': '', 'body': BODY_EN2, 'paragraphs': 13,
        'real': {'cover': None, 'justify_entries': True, 'notes': NOTES_EN[1:4],
                 'download_line': 'Downloaded from https://academic.oup.com/esr/article/35/2/1/5288136 '
                                  'by guest on 12 March 2019',
                 'heads': ('European Sociological Review, 2019, Vol. 35, No. 2', 'Housing costs and mobility'),
                 'numbers': 'top', 'first_page': 201,
                 'sections': ['Introduction', 'Background', 'Data', 'Results']},
        'entries': [
            "Arundel, R. and Ronald, R. (2016). Parental co-residence, shared living and emerging adulthood in Europe: semi-dependent housing across welfare regime and housing system contexts. Journal of Youth Studies, 19, 885–905.",
            "Billari, F. C. and Liefbroer, A. C. (2010). Towards a new pattern of transition to adulthood? Advances in Life Course Research, 15, 59–75.",
            "Clark, W. A. V. and Dieleman, F. M. (1996). Households and Housing: Choice and Outcomes in the Housing Market. New Brunswick, NJ: Center for Urban Policy Research.",
            "Kulu, H. and Steele, F. (2013). Interrelationships between childbearing and housing transitions in the family life course. Demography, 50, 1687–1714. doi:10.1007/s13524-013-0216-2",
            "Lersch, P. M. and Dewilde, C. (2015). Employment insecurity and first-time homeownership: evidence from twenty-two European countries. Environment and Planning A, 47, 607–624.",
            "Mulder, C. H. (2006). Population and housing: a two-sided relationship. Demographic Research, 15, 401–412.",
            "Mulder, C. H. and Billari, F. C. (2010). Homeownership regimes and low fertility. Housing Studies, 25, 527–541.",
            "OECD (2021). Brick by Brick: Building Better Housing Policies. Paris: OECD Publishing. https://doi.org/10.1787/b453b043-en",
            "Rossi, P. H. (1955). Why Families Move: A Study in the Social Psychology of Urban Residential Mobility. Glencoe, IL: Free Press.",
        ],
        'after': [('heading', 'Supplementary Data'),
                  ('para', 'Supplementary data are available at ESR online.'),
                  ('heading', 'Funding'),
                  ('para', 'This work was supported by the European Research Council (grant 681546).')],
    },
]

# Dev papers in LaTeX's and journals' ways: titles in italics, the list in body type, the
# odd pages' head naming the section ("Literaturverzeichnis" over the list's pages), a
# journal's first page with copyright and DOI at its foot.
PAPERS += [
    {
        'name': 'de_scrartcl_sections', 'split': 'dev', 'language': 'de',
        'title': 'Statusinkonsistenz und politische Einstellungen',
        'layout': 'onecolumn', 'entry_style': 'hanging', 'heading': 'Literaturverzeichnis',
        'head': '', 'body': BODY_DE2[1:] + BODY_DE2[:1], 'paragraphs': 14,
        'real': {'cover': None, 'authors': 'Markus Vogel', 'notes': NOTES_DE,
                 'heading_note': 'Die Angaben zu den Datensätzen finden sich im Anhang.',
                 'italic_titles': True, 'entry_size': 10, 'entry_leading': 12,
                 'section_heads': True, 'head_font': 'F4', 'head_size': 10,
                 'heads': ('Markus Vogel', ''), 'numbers': 'top', 'first_page': 1,
                 'sections': ['1 Einleitung', '2 Theoretischer Rahmen', '3 Daten und Methode',
                              '4 Ergebnisse']},
        'entries': [
            "Beck, Ulrich, 1983: Jenseits von Stand und Klasse? Soziale Ungleichheiten, gesellschaftliche Individualisierungsprozesse und die Entstehung neuer sozialer Formationen und Identitäten. S. 35-74 in: Reinhard Kreckel (Hg.), Soziale Ungleichheiten. Soziale Welt, Sonderband 2. Göttingen: Schwartz.",
            "Bourdieu, Pierre, 1982: Die feinen Unterschiede. Kritik der gesellschaftlichen Urteilskraft. Frankfurt a.M.: Suhrkamp.",
            "Burkhardt, Christoph, Markus M. Grabka, Olaf Groh-Samberg, Yvonne Lott und Steffen Mau, 2013: Mittelschicht unter Druck? Gütersloh: Verlag Bertelsmann Stiftung.",
            "Geißler, Rainer, 2014: Die Sozialstruktur Deutschlands. 7. Aufl. Wiesbaden: Springer VS.",
            "Groh-Samberg, Olaf, 2009: Armut, soziale Ausgrenzung und Klassenstruktur. Zur Integration multidimensionaler und längsschnittlicher Perspektiven. Wiesbaden: VS Verlag für Sozialwissenschaften.",
            "Hradil, Stefan, 1987: Sozialstrukturanalyse in einer fortgeschrittenen Gesellschaft. Von Klassen und Schichten zu Lagen und Milieus. Opladen: Leske + Budrich.",
            "–, 2001: Soziale Ungleichheit in Deutschland. 8. Aufl. Opladen: Leske + Budrich.",
            "Lenski, Gerhard E., 1954: Status Crystallization: A Non-Vertical Dimension of Social Status. American Sociological Review 19: 405-413.",
            "Lepsius, M. Rainer, 1979: Soziale Ungleichheit und Klassenstrukturen in der Bundesrepublik Deutschland. S. 166-209 in: Hans-Ulrich Wehler (Hg.), Klassen in der europäischen Sozialgeschichte. Göttingen: Vandenhoeck & Ruprecht.",
            "Lengfeld, Holger, und Jochen Hirschle, 2009: Die Angst der Mittelschicht vor dem sozialen Abstieg. Eine Längsschnittanalyse 1984-2007. Zeitschrift für Soziologie 38: 379-398.",
            "Mau, Steffen, 2012: Lebenschancen. Wohin driftet die Mittelschicht? Berlin: Suhrkamp.",
            "Müller, Hans-Peter, 1992: Sozialstruktur und Lebensstile. Der neuere theoretische Diskurs über soziale Ungleichheit. Frankfurt a.M.: Suhrkamp.",
            "Schimank, Uwe, Steffen Mau und Olaf Groh-Samberg, 2014: Statusarbeit unter Druck? Zur Lebensführung der Mittelschichten. Weinheim: Beltz Juventa.",
            "Schumpeter, Joseph A., 1953: Die sozialen Klassen im ethnisch homogenen Milieu. S. 147-213 in: ders., Aufsätze zur Soziologie. Tübingen: Mohr.",
            "van Dam, Kees, 2008: Status Inconsistency Revisited. Acta Sociologica 51: 121-139.",
            "Vester, Michael, Peter von Oertzen, Heiko Geiling, Thomas Hermann und Dagmar Müller, 2001: Soziale Milieus im gesellschaftlichen Strukturwandel. Zwischen Integration und Ausgrenzung. Frankfurt a.M.: Suhrkamp.",
            "Weber, Max, 1972 [1922]: Wirtschaft und Gesellschaft. Grundriß der verstehenden Soziologie. 5. Aufl. Tübingen: Mohr.",
        ],
        'after': [('heading', 'Anhang'),
                  ('para', 'Tabelle A1: Verwendete Datensätze: ALLBUS 2010, 2012, 2014 und 2016; '
                           'SOEP v33 (Wellen 2010 bis 2016).'),
                  ('para', 'Tabelle A2: Operationalisierung der Statusdimensionen.')],
    },
    {
        'name': 'de_journal_firstpage', 'split': 'dev', 'language': 'de',
        'title': 'Wohnsegregation und Schulwahl in deutschen Großstädten',
        'layout': 'onecolumn', 'entry_style': 'hanging', 'heading': 'Literatur',
        'head': '', 'body': BODY_DE, 'paragraphs': 11,
        'real': {'cover': 'de', 'authors': 'Katharina Lenz · Florian Berger',
                 'citation': 'Lenz, K., & Berger, F. (2016). Wohnsegregation und Schulwahl in '
                             'deutschen Großstädten. KZfSS Kölner Zeitschrift für Soziologie und '
                             'Sozialpsychologie, 68(3), 437-461. '
                             'https://doi.org/10.1007/s11577-016-0375-3',
                 'urn': 'urn:nbn:de:0168-ssoar-51244-0', 'notes': NOTES_DE[2:5],
                 'italic_titles': True,
                 'first_footer': ['© Springer Fachmedien Wiesbaden 2016',
                                  'DOI 10.1007/s11577-016-0375-3'],
                 'heads': ('K. Lenz und F. Berger', 'Wohnsegregation und Schulwahl'),
                 'numbers': 'top', 'first_page': 437,
                 'sections': ['1 Einleitung', '2 Forschungsstand', '3 Daten']},
        'entries': [
            "Baur, Christine. 2013. Schule, Stadtteil, Bildungschancen. Wie ethnische und soziale Segregation Schüler/-innen mit Migrationshintergrund benachteiligt. Bielefeld: transcript.",
            "Clausen, Marten. 2006. Warum wählen Sie genau diese Schule? Eine inhaltsanalytische Untersuchung elterlicher Begründungen der Wahl der Einzelschule innerhalb eines Bildungsgangs. Zeitschrift für Pädagogik 52:69–90.",
            "Farwick, Andreas. 2012. Segregation. In Handbuch Stadtsoziologie, Hrsg. Frank Eckardt, 381–419. Wiesbaden: Springer VS.",
            "Friedrichs, Jürgen, und Sascha Triemer. 2009. Gespaltene Städte? Soziale und ethnische Segregation in deutschen Großstädten. 2. Aufl. Wiesbaden: VS Verlag für Sozialwissenschaften.",
            "Helbig, Marcel, und Stefanie Jähnen. 2018. Wie brüchig ist die soziale Architektur unserer Städte? Trends und Analysen der Segregation in 74 deutschen Städten. WZB Discussion Paper P 2018-001. Berlin: WZB.",
            "Kristen, Cornelia. 2008. Primary school choice and ethnic school segregation in German elementary schools. European Sociological Review 24:495–510.",
            "Makles, Anna, und Kerstin Schneider. 2012. Freie Wahl der Grundschule? Konsequenzen der Aufhebung der Grundschulbezirke in Nordrhein-Westfalen. Die Deutsche Schule 104:332–346.",
            "Noreisch, Kathleen. 2007. School catchment area evasion: the case of Berlin, Germany. Journal of Education Policy 22:69–90.",
            "Radtke, Frank-Olaf. 2007. Segregation im deutschen Schulsystem. In Segregation, Integration, Assimilation. Religiöse und ethnische Gruppen in der Stadt, Hrsg. Wolf-Dietrich Bukow, Claudia Nikodem, Erika Schulze und Erol Yildiz, 201–212. Wiesbaden: VS Verlag für Sozialwissenschaften.",
            "Terpoorten, Tobias. 2014. Räumliche Konfiguration der Bildungschancen. Segregation und Bildungsdisparitäten am Übergang in die weiterführenden Schulen im Ruhrgebiet. Bochum: ZEFIR.",
        ],
        'after': [('heading', 'Katharina Lenz,'),
                  ('para', 'geb. 1985. Wissenschaftliche Mitarbeiterin am Lehrstuhl für '
                           'Stadtsoziologie der Universität Duisburg-Essen. Forschungsgebiete: '
                           'Segregation, Bildungsungleichheit.')],
    },
    {
        'name': 'en_latex_sections', 'split': 'dev', 'language': 'en',
        'title': 'Union Membership and the Politics of Redistribution',
        'layout': 'onecolumn', 'entry_style': 'hanging', 'heading': 'References',
        'head': '', 'body': BODY_EN, 'paragraphs': 13,
        'real': {'cover': None, 'authors': 'Thomas Keller', 'notes': NOTES_EN[:4],
                 'italic_titles': True, 'entry_size': 10, 'entry_leading': 12,
                 'section_heads': True, 'head_size': 10,
                 'heads': ('Thomas Keller', ''), 'numbers': 'top', 'first_page': 1,
                 'sections': ['1 Introduction', '2 Argument', '3 Data', '4 Results']},
        'entries': [
            "Ahlquist, John S. 2017. “Labor Unions, Political Representation, and Economic Inequality.” Annual Review of Political Science 20:409–432.",
            "Becher, Michael, and Daniel Stegmueller. 2021. “Reducing Unequal Representation: The Impact of Labor Unions on Legislative Responsiveness in the U.S. Congress.” Perspectives on Politics 19 (1): 92–109.",
            "Ebbinghaus, Bernhard, and Jelle Visser. 1999. “When Institutions Matter: Union Growth and Decline in Western Europe, 1950–1995.” European Sociological Review 15 (2): 135–158.",
            "Freeman, Richard B., and James L. Medoff. 1984. What Do Unions Do? New York: Basic Books.",
            "Iversen, Torben, and David Soskice. 2006. “Electoral Institutions and the Politics of Coalitions: Why Some Democracies Redistribute More Than Others.” American Political Science Review 100 (2): 165–181.",
            "Kim, Sung Eun, and Yotam Margalit. 2017. “Informed Preferences? The Impact of Unions on Workers’ Policy Views.” American Journal of Political Science 61 (3): 728–743.",
            "Korpi, Walter. 1983. The Democratic Class Struggle. London: Routledge & Kegan Paul.",
            "Mosimann, Nadja, and Jonas Pontusson. 2017. “Solidaristic Unionism and Support for Redistribution in Contemporary Europe.” World Politics 69 (3): 448–492.",
            "Rueda, David. 2007. Social Democracy Inside Out: Partisanship and Labor Market Policy in Industrialized Democracies. Oxford: Oxford University Press.",
            "Visser, Jelle. 2019. ICTWSS Data Base. Version 6.1. Amsterdam: Amsterdam Institute for Advanced Labour Studies.",
            "Western, Bruce, and Jake Rosenfeld. 2011. “Unions, Norms, and the Rise in U.S. Wage Inequality.” American Sociological Review 76 (4): 513–537.",
        ],
        'after': [('heading', 'Appendix A: Survey Items'),
                  ('para', 'Union membership: Are you or have you ever been a member of a trade union or similar organisation?')],
    },
]

# A second round (0.11), written after the first rules: footnotes at the foot of each
# column of two-column pages, notes going on at the next foot, the list's heading left
# alone at a column's foot, a publisher's line turned up the left margin. Its held-out
# papers were scored once before the rules that followed them (README).
PAPERS += [
    {
        'name': 'de_twocol_notes', 'split': 'dev', 'language': 'de',
        'title': 'Gewerkschaften und Tarifbindung im Dienstleistungssektor',
        'layout': 'twocolumn', 'entry_style': 'hanging', 'heading': 'Literatur',
        'head': '', 'body': BODY_DE2, 'paragraphs': 14,
        'real': {'cover': 'de', 'authors': 'Schmitz, Petra',
                 'citation': 'Schmitz, P. (2017). Gewerkschaften und Tarifbindung im '
                             'Dienstleistungssektor. WSI-Mitteilungen, 70(6), 421-430.',
                 'urn': 'urn:nbn:de:0168-ssoar-53012-7', 'notes': NOTES_DE, 'split_notes': True,
                 'side_stamp': 'Dieses Dokument ist lizenziert für Universitätsbibliothek Bielefeld. '
                               'Alle Rechte vorbehalten.',
                 'heads': ('WSI Mitteilungen 6/2017', 'Petra Schmitz'), 'numbers': 'top',
                 'first_page': 421},
        'entries': [
            "Addison, J. T./Bryson, A./Teixeira, P./Pahnke, A. (2011): Slip Sliding Away: Further Union Decline in Germany and Britain. In: Scottish Journal of Political Economy 58 (4), S. 490–518.",
            "Bispinck, R./Schulten, T. (2010): Sektorale Tarifpolitik und Mindestlöhne. In: Bispinck, R. (Hrsg.): Tarifpolitischer Jahresbericht 2009. Düsseldorf: WSI, S. 9–34.",
            "Dribbusch, H./Birke, P. (2019): Die DGB-Gewerkschaften seit der Krise. Entwicklungen, Herausforderungen, Strategien. Berlin: Friedrich-Ebert-Stiftung.",
            "Ellguth, P./Kohaut, S. (2019): Tarifbindung und betriebliche Interessenvertretung: Aktuelle Ergebnisse aus dem IAB-Betriebspanel 2018. In: WSI-Mitteilungen 72 (4), S. 290–297.",
            "Haipeter, T. (2013): Tarifabweichungen und Flächentarifverträge. Eine Analyse der Regulierungspraxis in der Metall- und Elektroindustrie. Wiesbaden: Springer VS.",
            "Hassel, A. (1999): The Erosion of the German System of Industrial Relations. In: British Journal of Industrial Relations 37 (3), S. 483–505.",
            "Schroeder, W. (Hrsg.) (2014): Handbuch Gewerkschaften in Deutschland. 2. Aufl. Wiesbaden: Springer VS.",
            "Streeck, W. (2009): Re-Forming Capitalism. Institutional Change in the German Political Economy. Oxford: Oxford University Press.",
            "ver.di (2016): Tarifpolitischer Jahresbericht 2015. Berlin: Vereinte Dienstleistungsgewerkschaft.",
        ],
        'after': [('heading', 'Autorin'),
                  ('para', 'Petra Schmitz, Dr., ist wissenschaftliche Referentin im '
                           'Wirtschafts- und Sozialwissenschaftlichen Institut (WSI) der '
                           'Hans-Böckler-Stiftung.')],
    },
    {
        'name': 'de_orphan_heading', 'split': 'dev', 'language': 'de',
        'title': 'Nachbarschaft und soziale Kontakte im Alter',
        'layout': 'onecolumn', 'entry_style': 'hanging', 'heading': 'Quellenverzeichnis',
        'head': '', 'body': BODY_DE, 'paragraphs': 14,
        'real': {'cover': None, 'creator': 'Microsoft® Word 2013', 'entry_size': 10,
                 'notes': NOTES_DE[3:], 'split_notes': True, 'heading_alone': True,
                 'heads': ('Nachbarschaft im Alter', 'Nachbarschaft im Alter'),
                 'numbers': 'foot', 'first_page': 1,
                 'sections': ['1. Einleitung', '2. Daten', '3. Ergebnisse', '4. Diskussion']},
        'entries': [
            "Deutsches Zentrum für Altersfragen (Hrsg.) (2019): Deutscher Alterssurvey (DEAS): Kurzbericht. Berlin: DZA.",
            "Huxhold, O./Fiori, K. L./Windsor, T. D. (2013): The dynamic interplay of social network characteristics, subjective well-being, and health: The costs and benefits of socio-emotional selectivity. In: Psychology and Aging 28 (1), S. 3–16.",
            "Kohli, M./Künemund, H. (Hrsg.) (2005): Die zweite Lebenshälfte. Gesellschaftliche Lage und Partizipation im Spiegel des Alters-Survey. 2. Aufl. Wiesbaden: VS Verlag.",
            "Mahne, K./Wolff, J. K./Simonson, J./Tesch-Römer, C. (Hrsg.) (2017): Altern im Wandel. Zwei Jahrzehnte Deutscher Alterssurvey (DEAS). Wiesbaden: Springer VS.",
            "Oswald, F./Konopik, N. (2015): Bedeutung von außerhäuslichen Aktivitäten, Nachbarschaft und Stadtteilidentifikation für das Wohlbefinden im Alter. In: Zeitschrift für Gerontologie und Geriatrie 48 (5), S. 401–407.",
            "Rüßler, H./Köster, D./Stiel, J./Heite, E. (2015): Soziale Ungleichheit und Partizipation in urbanen Quartieren. In: Zeitschrift für Gerontologie und Geriatrie 48 (1), S. 3–10.",
            "Tesch-Römer, C. (2010): Soziale Beziehungen alter Menschen. Stuttgart: Kohlhammer.",
            "Vogel, C./Künemund, H. (2014): Armut im Alter. In: Aus Politik und Zeitgeschichte 64 (4-5), S. 8–14.",
        ],
        'after': [('heading', 'Anhang'),
                  ('para', 'Tabelle A1: Kontakthäufigkeit nach Altersgruppen und Wohndauer.')],
    },
    {
        'name': 'en_twocol_notes', 'split': 'dev', 'language': 'en',
        'title': 'Local Newspapers and Turnout in Municipal Elections',
        'layout': 'twocolumn', 'entry_style': 'hanging', 'heading': 'References',
        'head': '', 'body': BODY_EN2, 'paragraphs': 17,
        'real': {'cover': None, 'notes': NOTES_EN, 'split_notes': True,
                 'side_stamp': 'Downloaded from https://www.cambridge.org/core. '
                               'University of Konstanz, on 04 Feb 2020.',
                 'heads': ('Political Science Research and Methods', 'Hanna Lind'),
                 'numbers': 'top', 'first_page': 77},
        'entries': [
            "Darr, J. P., Hitt, M. P., & Dunaway, J. L. (2018). Newspaper closures polarize voting behavior. Journal of Communication, 68(6), 1007–1028. https://doi.org/10.1093/joc/jqy051",
            "Gentzkow, M., Shapiro, J. M., & Sinkinson, M. (2011). The effect of newspaper entry and exit on electoral politics. American Economic Review, 101(7), 2980–3018.",
            "Hayes, D., & Lawless, J. L. (2018). The decline of local news and its effects: New evidence from longitudinal data. The Journal of Politics, 80(1), 332–336.",
            "Hopkins, D. J. (2018). The increasingly United States: How and why American political behavior nationalized. University of Chicago Press.",
            "Martin, G. J., & McCrain, J. (2019). Local news and national politics. American Political Science Review, 113(2), 372–384. https://doi.org/10.1017/S0003055418000965",
            "Schulhofer-Wohl, S., & Garrido, M. (2013). Do newspapers matter? Short-run and long-run evidence from the closure of The Cincinnati Post. Journal of Media Economics, 26(2), 60–81.",
            "Snyder, J. M., & Strömberg, D. (2010). Press coverage and political accountability. Journal of Political Economy, 118(2), 355–408.",
            "Trounstine, J. (2010). Representation and accountability in cities. Annual Review of Political Science, 13, 407–423.",
        ],
        'after': [('heading', 'Acknowledgments'),
                  ('para', 'We are grateful to the editors and three reviewers.')],
    },
    # held out
    {
        'name': 'de_ho_twocol_split', 'split': 'heldout', 'language': 'de',
        'title': 'Ehrenamt in Sportvereinen: Rückgang oder Wandel?',
        'layout': 'twocolumn', 'entry_style': 'hanging', 'heading': 'Literaturverzeichnis',
        'head': '', 'body': BODY_DE2[2:] + BODY_DE2[:2], 'paragraphs': 13,
        'real': {'cover': 'de', 'authors': 'Meier, Jonas; Krause, Anke',
                 'citation': 'Meier, J., & Krause, A. (2018). Ehrenamt in Sportvereinen: '
                             'Rückgang oder Wandel? Sport und Gesellschaft, 15(2), 155-181.',
                 'urn': 'urn:nbn:de:0168-ssoar-58890-5', 'notes': NOTES_DE[1:], 'split_notes': True,
                 'side_stamp': 'Brought to you by | Universitätsbibliothek Heidelberg | '
                               'Download Date | 11/5/18 9:41 AM',
                 'heads': ('Jonas Meier und Anke Krause', 'Ehrenamt in Sportvereinen'),
                 'numbers': 'top', 'first_page': 155},
        'entries': [
            "Breuer, Christoph, und Pamela Wicker, 2011: Sportentwicklungsbericht 2009/2010. Analyse zur Situation der Sportvereine in Deutschland. Köln: Sportverlag Strauß.",
            "Braun, Sebastian, 2003: Freiwillige Vereinigungen zwischen Staat, Markt und Privatsphäre. Konzepte, Kontroversen und Perspektiven. S. 43-87 in: Jürgen Baur und Sebastian Braun (Hg.), Integrationsleistungen von Sportvereinen als Freiwilligenorganisationen. Aachen: Meyer & Meyer.",
            "Emrich, Eike, Werner Pitsch und Vassilios Papathanassiou, 2001: Die Sportvereine. Ein Versuch auf empirischer Grundlage. Schorndorf: Hofmann.",
            "Heinemann, Klaus, und Manfred Schubert, 1994: Der Sportverein. Ergebnisse einer repräsentativen Untersuchung. Schorndorf: Hofmann.",
            "Klages, Helmut, 2000: Engagement und Engagementpotential in Deutschland. Erkenntnisse der empirischen Forschung. Aus Politik und Zeitgeschichte 50: 33-47.",
            "Nagel, Siegfried, 2006: Sportvereine im Wandel. Akteurtheoretische Analysen zur Entwicklung von Sportvereinen. Schorndorf: Hofmann.",
            "–, 2007: Akteurtheoretische Analyse der Sportvereinsentwicklung. Ein theoretisch-methodischer Bezugsrahmen. Sportwissenschaft 37: 186-201.",
            "Schlesinger, Torsten, und Siegfried Nagel, 2013: Who will volunteer? Analysing individual volunteering in Swiss sports clubs. European Journal for Sport and Society 10: 209-229.",
            "Wicker, Pamela, und Christoph Breuer, 2011: Scarcity of resources in German non-profit sport clubs. Sport Management Review 14: 188-201.",
        ],
        'after': [('heading', 'Zu den Autoren'),
                  ('para', 'Jonas Meier ist wissenschaftlicher Mitarbeiter am Institut für '
                           'Sportwissenschaft der Universität Bern.')],
    },
    {
        'name': 'de_ho_orphan', 'split': 'heldout', 'language': 'de',
        'title': 'Politisches Vertrauen und Mediennutzung in Ostdeutschland',
        'layout': 'onecolumn', 'entry_style': 'hanging', 'heading': '8 Literatur',
        'head': '', 'body': BODY_DE2, 'paragraphs': 15,
        'real': {'cover': None, 'authors': 'Sandra Wolf', 'notes': NOTES_DE[:4],
                 'split_notes': True, 'heading_alone': True, 'italic_titles': True,
                 'entry_size': 10, 'entry_leading': 12, 'section_heads': True,
                 'head_font': 'F4', 'head_size': 10, 'heads': ('Sandra Wolf', ''),
                 'numbers': 'top', 'first_page': 1,
                 'sections': ['1 Einleitung', '2 Forschungsstand', '3 Daten', '4 Befunde']},
        'entries': [
            "Arzheimer, Kai, und Jürgen W. Falter, 2005: „Goodbye Lenin?“ Bundes- und Landtagswahlen seit 1990: Eine Ost-West-Perspektive. S. 244-283 in: Jürgen W. Falter, Oscar W. Gabriel und Bernhard Weßels (Hg.), Wahlen und Wähler. Wiesbaden: VS Verlag für Sozialwissenschaften.",
            "Easton, David, 1975: A Re-Assessment of the Concept of Political Support. British Journal of Political Science 5: 435-457.",
            "Gabriel, Oscar W., 2009: Politische Kultur. S. 17-52 in: Viktoria Kaina und Andrea Römmele (Hg.), Politische Soziologie. Ein Studienbuch. Wiesbaden: VS Verlag für Sozialwissenschaften.",
            "Newton, Kenneth, 1999: Mass Media Effects: Mobilization or Media Malaise? British Journal of Political Science 29: 577-599.",
            "Pickel, Gert, und Susanne Pickel, 2006: Politische Kultur- und Demokratieforschung. Grundbegriffe, Theorien, Methoden. Eine Einführung. Wiesbaden: VS Verlag für Sozialwissenschaften.",
            "Schmitt-Beck, Rüdiger, 2000: Politische Kommunikation und Wählerverhalten. Ein internationaler Vergleich. Wiesbaden: Westdeutscher Verlag.",
            "Westle, Bettina, 1989: Politische Legitimität. Theorien, Konzepte, empirische Befunde. Baden-Baden: Nomos.",
            "Zmerli, Sonja, 2004: Politisches Vertrauen und Unterstützung. S. 229-256 in: Jan W. van Deth (Hg.), Deutschland in Europa. Ergebnisse des European Social Survey 2002-2003. Wiesbaden: VS Verlag für Sozialwissenschaften.",
        ],
        'after': [('heading', 'Anhang'),
                  ('para', 'Tabelle A1: Fragewortlaut der verwendeten Items.')],
    },
    {
        'name': 'en_ho_twocol', 'split': 'heldout', 'language': 'en',
        'title': 'Borders, Brokers, and Migrant Remittances',
        'layout': 'twocolumn', 'entry_style': 'hanging', 'heading': 'References',
        'head': '', 'body': BODY_EN, 'paragraphs': 14,
        'real': {'cover': 'en', 'authors': 'Alvarez, Maria',
                 'citation': 'Alvarez, M. (2019). Borders, brokers, and migrant remittances. '
                             'International Migration Review, 53(4), 1012-1039.',
                 'urn': 'urn:nbn:de:0168-ssoar-64411-3', 'notes': NOTES_EN[2:], 'split_notes': True,
                 'heads': ('International Migration Review', 'Maria Alvarez'),
                 'numbers': 'top', 'first_page': 1012},
        'entries': [
            "Adams, Richard H., Jr. 2011. “Evaluating the Economic Impact of International Remittances on Developing Countries Using Household Surveys: A Literature Review.” Journal of Development Studies 47 (6): 809–828.",
            "Carling, Jørgen. 2008. “The Determinants of Migrant Remittances.” Oxford Review of Economic Policy 24 (3): 581–598.",
            "———. 2014. “Scripting Remittances: Making Sense of Money Transfers in Transnational Relationships.” International Migration Review 48 (S1): S218–S262.",
            "Levitt, Peggy. 1998. “Social Remittances: Migration Driven Local-Level Forms of Cultural Diffusion.” International Migration Review 32 (4): 926–948.",
            "Massey, Douglas S., Joaquin Arango, Graeme Hugo, Ali Kouaouci, Adela Pellegrino, and J. Edward Taylor. 1993. “Theories of International Migration: A Review and Appraisal.” Population and Development Review 19 (3): 431–466.",
            "Stark, Oded, and David E. Bloom. 1985. “The New Economics of Labor Migration.” American Economic Review 75 (2): 173–178.",
            "World Bank. 2019. Migration and Remittances: Recent Developments and Outlook. Migration and Development Brief 31. Washington, DC: World Bank.",
            "Yang, Dean. 2011. “Migrant Remittances.” Journal of Economic Perspectives 25 (3): 129–152.",
        ],
        'after': [('heading', 'Appendix'),
                  ('para', 'Table A1. Remittance corridors in the sample, 2010–2016.')],
    },
]

# A dev paper whose list is set in the notes' own small type (8 pt), notes on its pages.
PAPERS += [
    {
        'name': 'de_list_in_note_size', 'split': 'dev', 'language': 'de',
        'title': 'Lokale Bündnisse für Familie: Eine Evaluation',
        'layout': 'onecolumn', 'entry_style': 'hanging', 'heading': 'Literatur',
        'head': '', 'body': BODY_DE, 'paragraphs': 16,
        'real': {'cover': None, 'notes': NOTES_DE[2:], 'entry_size': 8, 'entry_leading': 9.5,
                 'heading_note': 'Die Liste nennt nur die im Text zitierten Titel.',
                 'heads': ('Sozialer Fortschritt 9/2012', 'Lokale Bündnisse für Familie'),
                 'numbers': 'top', 'first_page': 213},
        'entries': [
            "Bertram, H./Rösler, W./Ehlert, N. (2005): Nachhaltige Familienpolitik. Zukunftssicherung durch einen Dreiklang von Zeitpolitik, finanzieller Transferpolitik und Infrastrukturpolitik. Berlin: Bundesministerium für Familie, Senioren, Frauen und Jugend.",
            "Bogumil, J./Gerber, S./Schickentanz, M. (2013): Handlungsmöglichkeiten kommunaler Demografiepolitik. In: Hüther, M./Naegele, G. (Hrsg.): Demografiepolitik. Herausforderungen und Handlungsfelder. Wiesbaden: Springer VS, S. 259–282.",
            "Dienel, C. (2002): Familienpolitik. Eine praxisorientierte Gesamtdarstellung der Handlungsfelder und Probleme. Weinheim/München: Juventa.",
            "Gerlach, I. (2010): Familienpolitik. 2. Aufl. Wiesbaden: VS Verlag für Sozialwissenschaften.",
            "Heitkötter, M. (2009): Lokale Zeitpolitik und Familie. In: Heitkötter, M./Jurczyk, K./Lange, A./Meier-Gräwe, U. (Hrsg.): Zeit für Beziehungen? Zeit und Zeitpolitik für Familien. Opladen: Barbara Budrich, S. 401–428.",
            "Prognos AG (2012): Evaluation der Initiative Lokale Bündnisse für Familie. Abschlussbericht. Basel/Berlin: Prognos.",
            "Rürup, B./Gruescu, S. (2003): Nachhaltige Familienpolitik im Interesse einer aktiven Bevölkerungsentwicklung. Berlin: Bundesministerium für Familie, Senioren, Frauen und Jugend.",
            "Schultheis, F. (1999): Familien und Politik. Formen wohlfahrtsstaatlicher Regulierung von Familie im deutsch-französischen Gesellschaftsvergleich. Konstanz: UVK.",
        ],
        'after': [('heading', 'Anhang'),
                  ('para', 'Tabelle A1: Beteiligte Bündnisse nach Bundesland.')],
    },
]

# A dev paper in the layout of the held-out en_ho_twocol (which still failed, its errors
# unseen): two columns, a cover page, Chicago author-date with "———." and quoted titles,
# notes at the column feet going on at the next foot.
PAPERS += [
    {
        'name': 'en_twocol_chicago', 'split': 'dev', 'language': 'en',
        'title': 'Return Migration and Local Politics in Rural Mexico',
        'layout': 'twocolumn', 'entry_style': 'hanging', 'heading': 'References',
        'head': '', 'body': BODY_EN2, 'paragraphs': 14,
        'real': {'cover': 'en', 'authors': 'Ortega, Luis',
                 'citation': 'Ortega, L. (2018). Return migration and local politics in rural '
                             'Mexico. Latin American Research Review, 53(2), 301-318.',
                 'urn': 'urn:nbn:de:0168-ssoar-60012-4', 'notes': NOTES_EN[1:], 'split_notes': True,
                 'heads': ('Latin American Research Review', 'Luis Ortega'),
                 'numbers': 'top', 'first_page': 301},
        'entries': [
            "Bada, Xóchitl. 2014. Mexican Hometown Associations in Chicagoacán: From Local to Transnational Civic Engagement. New Brunswick, NJ: Rutgers University Press.",
            "Burgess, Katrina. 2012. “Collective Remittances and Migrant-State Collaboration in Mexico and El Salvador.” Latin American Politics and Society 54 (4): 119–146.",
            "———. 2020. Courting Migrants: How States Make Diasporas and Diasporas Make States. New York: Oxford University Press.",
            "Duquette-Rury, Lauren. 2014. “Collective Remittances and Transnational Coproduction: The 3×1 Program for Migrants and Household Access to Public Goods in Mexico.” Studies in Comparative International Development 49 (1): 112–139.",
            "Fitzgerald, David. 2009. A Nation of Emigrants: How Mexico Manages Its Migration. Berkeley: University of California Press.",
            "Goodman, Gary L., and Jonathan T. Hiskey. 2008. “Exit without Leaving: Political Disengagement in High Migration Municipalities in Mexico.” Comparative Politics 40 (2): 169–188.",
            "Pérez-Armendáriz, Clarisa, and David Crow. 2010. “Do Migrants Remit Democracy? International Migration, Political Beliefs, and Behavior in Mexico.” Comparative Political Studies 43 (1): 119–148.",
            "Smith, Robert Courtney. 2006. Mexican New York: Transnational Lives of New Immigrants. Berkeley: University of California Press.",
            "———. 2003. “Migrant Membership as an Instituted Process: Transnationalization, the State and the Extra-Territorial Conduct of Mexican Politics.” International Migration Review 37 (2): 297–343.",
        ],
        'after': [('heading', 'Appendix'),
                  ('para', 'Table A1. Municipalities in the sample by state and migration intensity.')],
    },
]

# A dev paper whose list is set in two columns under the one-column text on the same page
# (first a known gap, split 'gap': 0.000; read since the band search of 0.11).
PAPERS += [
    {
        'name': 'de_list_twocol_band', 'split': 'dev', 'language': 'de',
        'title': 'Mieterhöhungen und Umzugsneigung in angespannten Wohnungsmärkten',
        'layout': 'onecolumn', 'entry_style': 'hanging', 'heading': 'Literatur',
        'head': '', 'body': BODY_DE2, 'paragraphs': 10,
        'real': {'cover': None, 'notes': NOTES_DE[:3], 'list_columns': 2, 'entry_size': 8,
                 'entry_leading': 9.5, 'hang': 10,
                 'heads': ('Stadtforschung und Statistik 2/2020', 'Mieterhöhungen und Umzugsneigung'),
                 'numbers': 'top', 'first_page': 31},
        'entries': [
            "Friedrichs, J. (1995): Stadtsoziologie. Opladen: Leske + Budrich.",
            "Häußermann, H./Siebel, W. (2004): Stadtsoziologie. Eine Einführung. Frankfurt a. M./New York: Campus.",
            "Helbrecht, I. (Hrsg.) (2016): Gentrifizierung in Berlin. Verdrängungsprozesse und Bleibestrategien. Bielefeld: transcript.",
            "Holm, A. (2014): Mietenwahnsinn. Warum Wohnen immer teurer wird und wer davon profitiert. München: Knaur.",
            "Kholodilin, K. A. (2016): Wohnungspolitik in Deutschland: Mietpreisbremse und Wohngeld. In: DIW Wochenbericht 83 (24), S. 545–552.",
            "Kemper, J./Kubis, A. (2019): Wohnen in Deutschland. Wohnsituation und Wohnkosten von Haushalten. In: WISTA 71 (4), S. 61–74.",
            "Lebuhn, H./Holm, A./Junker, S./Neitzel, K. (2017): Wohnverhältnisse in Deutschland – eine Analyse der sozialen Lage in 77 Großstädten. Berlin/Düsseldorf: Hans-Böckler-Stiftung.",
            "Schier, M./Schlinzig, T./Montanari, G. (2015): Wohnen, Umziehen und Bleiben. Zur Bedeutung von Wohnmobilität im Lebensverlauf. In: Zeitschrift für Familienforschung 27 (2), S. 145–169.",
            "Wagner, M. (1989): Räumliche Mobilität im Lebensverlauf. Eine empirische Untersuchung sozialer Bedingungen der Migration. Stuttgart: Enke.",
        ],
        'after': [('heading', 'Anhang'),
                  ('para', 'Tabelle A1: Stichprobe nach Stadt und Wohndauer.')],
    },
]
