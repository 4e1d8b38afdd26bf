"""Case studies laid out as PDFs by tests/formats/pdf/make_casepdfs.py, each with a
comparative table whose columns are the cases, to measure cases, questions and findings
through the whole pipeline (PDF text layer -> body -> ibid_cases/questions/findings).
Written for the project; the gold follows tests/casestudies/README.md. `dev` papers may be
looked at while changing the PDF reader or the findings rules; `heldout` ones are scored only.

Blocks: ('title' | 'heading' | 'para', text) or ('table', caption, header cells, rows), a
row being (label, cell, cell, ...).
"""

PAPERS = [
    {
        'name': 'dev_pdf_teachers', 'split': 'dev', 'head': 'Comparative Education Review',
        'blocks': [
            ('title', 'Paying for Performance? Teacher Incentives in Peru, Chile and Colombia'),
            ('heading', '1. Introduction'),
            ('para', 'Since 2010 several Latin American governments have tied part of teachers\u2019 '
                     'pay to the results of their schools. We compare three countries: Peru, Chile '
                     'and Colombia. Two research questions guide the comparison.'),
            ('para', 'RQ1: Did the incentive schemes keep experienced teachers in rural schools?'),
            ('para', 'RQ2: Did the schemes raise test scores in the schools that took part?'),
            ('heading', '2. Peru'),
            ('para', 'Peru introduced a bonus for rural schools in 2014. By 2019, 12 of 40 '
                     'sampled schools (45%) had kept all of their senior teachers. Test scores '
                     'rose modestly in mathematics but not in reading.'),
            ('heading', '3. Chile'),
            ('para', 'Chile\u2019s national evaluation system rewards whole schools rather than '
                     'individual teachers. Of 50 schools in our sample, 30 (60%) kept their '
                     'senior staff, and scores rose in both subjects.'),
            ('heading', '4. Colombia'),
            ('para', 'Colombia paid bonuses to individual teachers through the departments. The '
                     'scheme was suspended in two departments after disputes over the tests.'),
            ('heading', '5. Comparison'),
            ('table', 'Table 1. Outcomes by country, 2019', ['Peru', 'Chile', 'Colombia'],
             [('RQ1 retention', 'Partly retained', 'Retained', 'Not retained'),
              ('RQ2 test scores', 'Mixed gains', 'Gains', 'No gains')]),
            ('heading', '6. Conclusion'),
            ('para', 'In Chile, school-level rewards kept experienced teachers in rural areas. In '
                     'Colombia, disputes over the tests undermined the scheme. With respect to '
                     'RQ2, gains followed only where the tests were trusted.'),
        ],
        'gold': {
            'split': 'dev',
            'cases': [{'name': 'Peru', 'key': 'PE'}, {'name': 'Chile', 'key': 'CL'},
                      {'name': 'Colombia', 'key': 'CO'}],
            'questions': ['RQ1', 'RQ2'],
            'findings': [
                {'case': 'Peru', 'question': 'RQ1', 'text': 'Partly retained'},
                {'case': 'Chile', 'question': 'RQ1', 'text': 'Retained'},
                {'case': 'Colombia', 'question': 'RQ1', 'text': 'Not retained'},
                {'case': 'Peru', 'question': 'RQ2', 'text': 'Mixed gains'},
                {'case': 'Chile', 'question': 'RQ2', 'text': 'Gains'},
                {'case': 'Colombia', 'question': 'RQ2', 'text': 'No gains'},
                {'case': 'Chile', 'question': 'RQ1', 'text': 'In Chile, school-level rewards kept'},
                {'case': 'Colombia', 'question': None, 'text': 'In Colombia, disputes over the tests'},
                {'case': None, 'question': 'RQ2', 'text': 'With respect to RQ2, gains followed'},
            ],
            'claims': [
                {'text': '12 of 40 sampled schools (45%)', 'value': 45, 'expected': 30},
            ],
        },
    },
    {
        'name': 'held_pdf_forests', 'split': 'heldout', 'head': 'Environmental Policy and Governance',
        'blocks': [
            ('title', 'Community Forest Management in Nepal, Tanzania and Mexico'),
            ('heading', '1. Introduction'),
            ('para', 'Handing forests to local communities has been promoted as a way to reduce '
                     'deforestation and improve livelihoods. This article examines Nepal, '
                     'Tanzania and Mexico, where community forestry has been practised for decades.'),
            ('para', 'H1: Forest cover was stable where communities held secure tenure.'),
            ('para', 'H2: Household incomes rose where communities could sell timber.'),
            ('heading', '2. Nepal'),
            ('para', 'Nepal\u2019s community forest user groups manage about a third of the '
                     'national forest. Of 120 groups surveyed, 84 reported stable or growing '
                     'cover, a share of 80%.'),
            ('heading', '3. Tanzania'),
            ('para', 'In Tanzania, village land forest reserves cover a smaller area, and tenure '
                     'remains contested in many districts.'),
            ('heading', '4. Mexico'),
            ('para', 'Mexican ejidos and communities own most of the country\u2019s forests and '
                     'have run commercial forestry enterprises since the 1980s.'),
            ('heading', '5. Results'),
            ('table', 'Table 3. Hypotheses and cases', ['Nepal', 'Tanzania', 'Mexico'],
             [('H1 tenure', 'Supported', 'Not supported', 'Supported'),
              ('H2 income', 'Partly supported', 'Not supported', 'Supported')]),
            ('heading', '6. Conclusion'),
            ('para', 'In Mexico, commercial forestry raised incomes without loss of cover. In '
                     'Tanzania, insecure tenure left reserves exposed to clearing. With respect to '
                     'H2, timber sales mattered more than tenure.'),
        ],
        'gold': {
            'split': 'heldout',
            'cases': [{'name': 'Nepal', 'key': 'NP'}, {'name': 'Tanzania', 'key': 'TZ'},
                      {'name': 'Mexico', 'key': 'MX'}],
            'questions': ['H1', 'H2'],
            'findings': [
                {'case': 'Nepal', 'question': 'H1', 'text': 'Supported'},
                {'case': 'Tanzania', 'question': 'H1', 'text': 'Not supported'},
                {'case': 'Mexico', 'question': 'H1', 'text': 'Supported'},
                {'case': 'Nepal', 'question': 'H2', 'text': 'Partly supported'},
                {'case': 'Tanzania', 'question': 'H2', 'text': 'Not supported'},
                {'case': 'Mexico', 'question': 'H2', 'text': 'Supported'},
                {'case': 'Mexico', 'question': None, 'text': 'In Mexico, commercial forestry raised incomes'},
                {'case': 'Tanzania', 'question': None, 'text': 'In Tanzania, insecure tenure left reserves'},
                {'case': None, 'question': 'H2', 'text': 'With respect to H2, timber sales mattered'},
            ],
            'claims': [
                {'text': 'Of 120 groups surveyed, 84 reported stable or growing cover, a share of 80%',
                 'value': 80, 'expected': 70},
            ],
        },
    },
]
