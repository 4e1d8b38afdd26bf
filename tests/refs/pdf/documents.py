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
