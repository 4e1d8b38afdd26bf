.load ./ibid
SELECT 'refparse_01', ibid_parse_reference(NULL) IS NULL;
SELECT 'refparse_02', json_valid(ibid_parse_reference(''));
SELECT 'refparse_03', json_extract(ibid_parse_reference('Bassiouni, M. Cherif, ‘Negotiating the Treaty of Rome’, Cornell International Law Journal, 32 (1999), pp. 443469 .'), '$.page') = '443-469';
SELECT 'refparse_04', json_extract(ibid_parse_reference('Schiff, Benjamin N., Building the International Criminal Court (Cambridge: Cambridge University Press, 2008), pp. 2425 .'), '$.publisher') = 'Cambridge University Press';
SELECT 'refparse_05', json_extract(ibid_parse_reference('Congo v. Belgium, Judgement, ICJ Reports (2002), pp. 3–34.'), '$.type') = 'legal_case';
SELECT 'refparse_06', json_extract(ibid_parse_reference('International Criminal Court, ICC-ASP/8/20, Assembly of State Parties, ‘Report of the Credentials Committee’, 2009, pp. 47–81.'), '$.number') = 'ICC-ASP/8/20';
SELECT 'refparse_07', json_extract(ibid_parse_reference('‘South Africa to Withdraw From War Crimes Court’, BBC News (21 October 2016), available at: {}.'), '$.URL') IS NULL;
SELECT 'refparse_08', json_extract(ibid_parse_reference('Acharya, Amitav, ‘How ideas spread’, International Organization, 58:2 (2004), pp. 239275 .'), '$.author[0].family') = 'Acharya';
SELECT 'refparse_09', json_extract(ibid_parse_reference(CAST('Smith, J. (2001). A title. Journal, 3, 1-9.' AS BLOB)), '$.issued.date-parts[0][0]') = 2001;
SELECT 'refparse_10', json_extract(ibid_parse_reference('1 Rashid Abdi, quoted in Pilling, David, ‘Bungled Kenyan cases spotlight ICC’s image problem’, Business Day (16 April 2016).'), '$.author[0].family') = 'Pilling';
