"""The papers laid out as PDFs by make_refpdfs.py: body paragraphs, a reference list in
the language's own conventions, and what follows the list. Written for the project (no
sentence is taken from a real paper); every entry is the gold entry the PDF must give back.

`split`: `dev` papers may be looked at while changing the reference-list finder; `heldout`
papers are scored only.
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
