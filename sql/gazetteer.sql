-- gazetteer.sql -- ICC situations under investigation and the States Parties to the Rome
-- Statute, for joining with ibid_entities (kind 'situation') and ibid_claims.
--
-- Source: International Criminal Court, "Situations under investigation" and "The States
-- Parties to the Rome Statute" (icc-cpi.int; Assembly of States Parties regional groups),
-- as published on 1 January 2025. Transcribed without network access on 2026-11-25: 124 of
-- the 125 States Parties listed then (one Asia-Pacific State is missing and must be added
-- after checking the source); withdrawals announced after that date (e.g. in 2025) are
-- not reflected. `opened` is the year the investigation was opened (or authorised).
-- The extension's code never reads this table: names belong here, not in ext/.
CREATE TABLE IF NOT EXISTS gazetteer(
  kind TEXT NOT NULL,      -- 'situation' or 'state_party'
  name TEXT NOT NULL,      -- as the ICC names it
  reference TEXT,          -- situation: ICC record number, e.g. 'ICC-02/05'
  detail TEXT,             -- situation: trigger; state_party: ASP regional group
  opened INTEGER,          -- situation: year the investigation opened
  PRIMARY KEY (kind, name)
);
INSERT OR IGNORE INTO gazetteer VALUES ('situation', 'Democratic Republic of the Congo', 'ICC-01/04', 'state referral', 2004);
INSERT OR IGNORE INTO gazetteer VALUES ('situation', 'Uganda', 'ICC-02/04', 'state referral', 2004);
INSERT OR IGNORE INTO gazetteer VALUES ('situation', 'Darfur, Sudan', 'ICC-02/05', 'UN Security Council referral', 2005);
INSERT OR IGNORE INTO gazetteer VALUES ('situation', 'Central African Republic', 'ICC-01/05', 'state referral', 2007);
INSERT OR IGNORE INTO gazetteer VALUES ('situation', 'Kenya', 'ICC-01/09', 'proprio motu', 2010);
INSERT OR IGNORE INTO gazetteer VALUES ('situation', 'Libya', 'ICC-01/11', 'UN Security Council referral', 2011);
INSERT OR IGNORE INTO gazetteer VALUES ('situation', 'Côte d''Ivoire', 'ICC-02/11', 'proprio motu', 2011);
INSERT OR IGNORE INTO gazetteer VALUES ('situation', 'Mali', 'ICC-01/12', 'state referral', 2013);
INSERT OR IGNORE INTO gazetteer VALUES ('situation', 'Central African Republic II', 'ICC-01/14', 'state referral', 2014);
INSERT OR IGNORE INTO gazetteer VALUES ('situation', 'Georgia', 'ICC-01/15', 'proprio motu', 2016);
INSERT OR IGNORE INTO gazetteer VALUES ('situation', 'Burundi', 'ICC-01/17', 'proprio motu', 2017);
INSERT OR IGNORE INTO gazetteer VALUES ('situation', 'Afghanistan', 'ICC-02/17', 'proprio motu', 2020);
INSERT OR IGNORE INTO gazetteer VALUES ('situation', 'Bangladesh/Myanmar', 'ICC-01/19', 'proprio motu', 2019);
INSERT OR IGNORE INTO gazetteer VALUES ('situation', 'State of Palestine', 'ICC-01/18', 'state referral', 2021);
INSERT OR IGNORE INTO gazetteer VALUES ('situation', 'Venezuela I', 'ICC-02/18', 'state referral', 2021);
INSERT OR IGNORE INTO gazetteer VALUES ('situation', 'Philippines', 'ICC-01/21', 'proprio motu', 2021);
INSERT OR IGNORE INTO gazetteer VALUES ('situation', 'Ukraine', 'ICC-01/22', 'state referral', 2022);
INSERT OR IGNORE INTO gazetteer VALUES ('state_party', 'Benin', NULL, 'African States', NULL);
INSERT OR IGNORE INTO gazetteer VALUES ('state_party', 'Botswana', NULL, 'African States', NULL);
INSERT OR IGNORE INTO gazetteer VALUES ('state_party', 'Burkina Faso', NULL, 'African States', NULL);
INSERT OR IGNORE INTO gazetteer VALUES ('state_party', 'Cabo Verde', NULL, 'African States', NULL);
INSERT OR IGNORE INTO gazetteer VALUES ('state_party', 'Central African Republic', NULL, 'African States', NULL);
INSERT OR IGNORE INTO gazetteer VALUES ('state_party', 'Chad', NULL, 'African States', NULL);
INSERT OR IGNORE INTO gazetteer VALUES ('state_party', 'Comoros', NULL, 'African States', NULL);
INSERT OR IGNORE INTO gazetteer VALUES ('state_party', 'Congo', NULL, 'African States', NULL);
INSERT OR IGNORE INTO gazetteer VALUES ('state_party', 'Côte d''Ivoire', NULL, 'African States', NULL);
INSERT OR IGNORE INTO gazetteer VALUES ('state_party', 'Democratic Republic of the Congo', NULL, 'African States', NULL);
INSERT OR IGNORE INTO gazetteer VALUES ('state_party', 'Djibouti', NULL, 'African States', NULL);
INSERT OR IGNORE INTO gazetteer VALUES ('state_party', 'Gabon', NULL, 'African States', NULL);
INSERT OR IGNORE INTO gazetteer VALUES ('state_party', 'Gambia', NULL, 'African States', NULL);
INSERT OR IGNORE INTO gazetteer VALUES ('state_party', 'Ghana', NULL, 'African States', NULL);
INSERT OR IGNORE INTO gazetteer VALUES ('state_party', 'Guinea', NULL, 'African States', NULL);
INSERT OR IGNORE INTO gazetteer VALUES ('state_party', 'Kenya', NULL, 'African States', NULL);
INSERT OR IGNORE INTO gazetteer VALUES ('state_party', 'Lesotho', NULL, 'African States', NULL);
INSERT OR IGNORE INTO gazetteer VALUES ('state_party', 'Liberia', NULL, 'African States', NULL);
INSERT OR IGNORE INTO gazetteer VALUES ('state_party', 'Madagascar', NULL, 'African States', NULL);
INSERT OR IGNORE INTO gazetteer VALUES ('state_party', 'Malawi', NULL, 'African States', NULL);
INSERT OR IGNORE INTO gazetteer VALUES ('state_party', 'Mali', NULL, 'African States', NULL);
INSERT OR IGNORE INTO gazetteer VALUES ('state_party', 'Mauritius', NULL, 'African States', NULL);
INSERT OR IGNORE INTO gazetteer VALUES ('state_party', 'Namibia', NULL, 'African States', NULL);
INSERT OR IGNORE INTO gazetteer VALUES ('state_party', 'Niger', NULL, 'African States', NULL);
INSERT OR IGNORE INTO gazetteer VALUES ('state_party', 'Nigeria', NULL, 'African States', NULL);
INSERT OR IGNORE INTO gazetteer VALUES ('state_party', 'Senegal', NULL, 'African States', NULL);
INSERT OR IGNORE INTO gazetteer VALUES ('state_party', 'Seychelles', NULL, 'African States', NULL);
INSERT OR IGNORE INTO gazetteer VALUES ('state_party', 'Sierra Leone', NULL, 'African States', NULL);
INSERT OR IGNORE INTO gazetteer VALUES ('state_party', 'South Africa', NULL, 'African States', NULL);
INSERT OR IGNORE INTO gazetteer VALUES ('state_party', 'Tunisia', NULL, 'African States', NULL);
INSERT OR IGNORE INTO gazetteer VALUES ('state_party', 'Uganda', NULL, 'African States', NULL);
INSERT OR IGNORE INTO gazetteer VALUES ('state_party', 'United Republic of Tanzania', NULL, 'African States', NULL);
INSERT OR IGNORE INTO gazetteer VALUES ('state_party', 'Zambia', NULL, 'African States', NULL);
INSERT OR IGNORE INTO gazetteer VALUES ('state_party', 'Afghanistan', NULL, 'Asia-Pacific States', NULL);
INSERT OR IGNORE INTO gazetteer VALUES ('state_party', 'Bangladesh', NULL, 'Asia-Pacific States', NULL);
INSERT OR IGNORE INTO gazetteer VALUES ('state_party', 'Cambodia', NULL, 'Asia-Pacific States', NULL);
INSERT OR IGNORE INTO gazetteer VALUES ('state_party', 'Cook Islands', NULL, 'Asia-Pacific States', NULL);
INSERT OR IGNORE INTO gazetteer VALUES ('state_party', 'Cyprus', NULL, 'Asia-Pacific States', NULL);
INSERT OR IGNORE INTO gazetteer VALUES ('state_party', 'Fiji', NULL, 'Asia-Pacific States', NULL);
INSERT OR IGNORE INTO gazetteer VALUES ('state_party', 'Japan', NULL, 'Asia-Pacific States', NULL);
INSERT OR IGNORE INTO gazetteer VALUES ('state_party', 'Jordan', NULL, 'Asia-Pacific States', NULL);
INSERT OR IGNORE INTO gazetteer VALUES ('state_party', 'Maldives', NULL, 'Asia-Pacific States', NULL);
INSERT OR IGNORE INTO gazetteer VALUES ('state_party', 'Marshall Islands', NULL, 'Asia-Pacific States', NULL);
INSERT OR IGNORE INTO gazetteer VALUES ('state_party', 'Mongolia', NULL, 'Asia-Pacific States', NULL);
INSERT OR IGNORE INTO gazetteer VALUES ('state_party', 'Nauru', NULL, 'Asia-Pacific States', NULL);
INSERT OR IGNORE INTO gazetteer VALUES ('state_party', 'State of Palestine', NULL, 'Asia-Pacific States', NULL);
INSERT OR IGNORE INTO gazetteer VALUES ('state_party', 'Republic of Korea', NULL, 'Asia-Pacific States', NULL);
INSERT OR IGNORE INTO gazetteer VALUES ('state_party', 'Samoa', NULL, 'Asia-Pacific States', NULL);
INSERT OR IGNORE INTO gazetteer VALUES ('state_party', 'Tajikistan', NULL, 'Asia-Pacific States', NULL);
INSERT OR IGNORE INTO gazetteer VALUES ('state_party', 'Timor-Leste', NULL, 'Asia-Pacific States', NULL);
INSERT OR IGNORE INTO gazetteer VALUES ('state_party', 'Vanuatu', NULL, 'Asia-Pacific States', NULL);
INSERT OR IGNORE INTO gazetteer VALUES ('state_party', 'Albania', NULL, 'Eastern European States', NULL);
INSERT OR IGNORE INTO gazetteer VALUES ('state_party', 'Armenia', NULL, 'Eastern European States', NULL);
INSERT OR IGNORE INTO gazetteer VALUES ('state_party', 'Bosnia and Herzegovina', NULL, 'Eastern European States', NULL);
INSERT OR IGNORE INTO gazetteer VALUES ('state_party', 'Bulgaria', NULL, 'Eastern European States', NULL);
INSERT OR IGNORE INTO gazetteer VALUES ('state_party', 'Croatia', NULL, 'Eastern European States', NULL);
INSERT OR IGNORE INTO gazetteer VALUES ('state_party', 'Czech Republic', NULL, 'Eastern European States', NULL);
INSERT OR IGNORE INTO gazetteer VALUES ('state_party', 'Estonia', NULL, 'Eastern European States', NULL);
INSERT OR IGNORE INTO gazetteer VALUES ('state_party', 'Georgia', NULL, 'Eastern European States', NULL);
INSERT OR IGNORE INTO gazetteer VALUES ('state_party', 'Hungary', NULL, 'Eastern European States', NULL);
INSERT OR IGNORE INTO gazetteer VALUES ('state_party', 'Latvia', NULL, 'Eastern European States', NULL);
INSERT OR IGNORE INTO gazetteer VALUES ('state_party', 'Lithuania', NULL, 'Eastern European States', NULL);
INSERT OR IGNORE INTO gazetteer VALUES ('state_party', 'Montenegro', NULL, 'Eastern European States', NULL);
INSERT OR IGNORE INTO gazetteer VALUES ('state_party', 'North Macedonia', NULL, 'Eastern European States', NULL);
INSERT OR IGNORE INTO gazetteer VALUES ('state_party', 'Poland', NULL, 'Eastern European States', NULL);
INSERT OR IGNORE INTO gazetteer VALUES ('state_party', 'Republic of Moldova', NULL, 'Eastern European States', NULL);
INSERT OR IGNORE INTO gazetteer VALUES ('state_party', 'Romania', NULL, 'Eastern European States', NULL);
INSERT OR IGNORE INTO gazetteer VALUES ('state_party', 'Serbia', NULL, 'Eastern European States', NULL);
INSERT OR IGNORE INTO gazetteer VALUES ('state_party', 'Slovakia', NULL, 'Eastern European States', NULL);
INSERT OR IGNORE INTO gazetteer VALUES ('state_party', 'Slovenia', NULL, 'Eastern European States', NULL);
INSERT OR IGNORE INTO gazetteer VALUES ('state_party', 'Ukraine', NULL, 'Eastern European States', NULL);
INSERT OR IGNORE INTO gazetteer VALUES ('state_party', 'Antigua and Barbuda', NULL, 'Latin American and Caribbean States', NULL);
INSERT OR IGNORE INTO gazetteer VALUES ('state_party', 'Argentina', NULL, 'Latin American and Caribbean States', NULL);
INSERT OR IGNORE INTO gazetteer VALUES ('state_party', 'Barbados', NULL, 'Latin American and Caribbean States', NULL);
INSERT OR IGNORE INTO gazetteer VALUES ('state_party', 'Belize', NULL, 'Latin American and Caribbean States', NULL);
INSERT OR IGNORE INTO gazetteer VALUES ('state_party', 'Bolivia', NULL, 'Latin American and Caribbean States', NULL);
INSERT OR IGNORE INTO gazetteer VALUES ('state_party', 'Brazil', NULL, 'Latin American and Caribbean States', NULL);
INSERT OR IGNORE INTO gazetteer VALUES ('state_party', 'Chile', NULL, 'Latin American and Caribbean States', NULL);
INSERT OR IGNORE INTO gazetteer VALUES ('state_party', 'Colombia', NULL, 'Latin American and Caribbean States', NULL);
INSERT OR IGNORE INTO gazetteer VALUES ('state_party', 'Costa Rica', NULL, 'Latin American and Caribbean States', NULL);
INSERT OR IGNORE INTO gazetteer VALUES ('state_party', 'Dominica', NULL, 'Latin American and Caribbean States', NULL);
INSERT OR IGNORE INTO gazetteer VALUES ('state_party', 'Dominican Republic', NULL, 'Latin American and Caribbean States', NULL);
INSERT OR IGNORE INTO gazetteer VALUES ('state_party', 'Ecuador', NULL, 'Latin American and Caribbean States', NULL);
INSERT OR IGNORE INTO gazetteer VALUES ('state_party', 'El Salvador', NULL, 'Latin American and Caribbean States', NULL);
INSERT OR IGNORE INTO gazetteer VALUES ('state_party', 'Grenada', NULL, 'Latin American and Caribbean States', NULL);
INSERT OR IGNORE INTO gazetteer VALUES ('state_party', 'Guatemala', NULL, 'Latin American and Caribbean States', NULL);
INSERT OR IGNORE INTO gazetteer VALUES ('state_party', 'Guyana', NULL, 'Latin American and Caribbean States', NULL);
INSERT OR IGNORE INTO gazetteer VALUES ('state_party', 'Honduras', NULL, 'Latin American and Caribbean States', NULL);
INSERT OR IGNORE INTO gazetteer VALUES ('state_party', 'Mexico', NULL, 'Latin American and Caribbean States', NULL);
INSERT OR IGNORE INTO gazetteer VALUES ('state_party', 'Panama', NULL, 'Latin American and Caribbean States', NULL);
INSERT OR IGNORE INTO gazetteer VALUES ('state_party', 'Paraguay', NULL, 'Latin American and Caribbean States', NULL);
INSERT OR IGNORE INTO gazetteer VALUES ('state_party', 'Peru', NULL, 'Latin American and Caribbean States', NULL);
INSERT OR IGNORE INTO gazetteer VALUES ('state_party', 'Saint Kitts and Nevis', NULL, 'Latin American and Caribbean States', NULL);
INSERT OR IGNORE INTO gazetteer VALUES ('state_party', 'Saint Lucia', NULL, 'Latin American and Caribbean States', NULL);
INSERT OR IGNORE INTO gazetteer VALUES ('state_party', 'Saint Vincent and the Grenadines', NULL, 'Latin American and Caribbean States', NULL);
INSERT OR IGNORE INTO gazetteer VALUES ('state_party', 'Suriname', NULL, 'Latin American and Caribbean States', NULL);
INSERT OR IGNORE INTO gazetteer VALUES ('state_party', 'Trinidad and Tobago', NULL, 'Latin American and Caribbean States', NULL);
INSERT OR IGNORE INTO gazetteer VALUES ('state_party', 'Uruguay', NULL, 'Latin American and Caribbean States', NULL);
INSERT OR IGNORE INTO gazetteer VALUES ('state_party', 'Venezuela', NULL, 'Latin American and Caribbean States', NULL);
INSERT OR IGNORE INTO gazetteer VALUES ('state_party', 'Andorra', NULL, 'Western European and other States', NULL);
INSERT OR IGNORE INTO gazetteer VALUES ('state_party', 'Australia', NULL, 'Western European and other States', NULL);
INSERT OR IGNORE INTO gazetteer VALUES ('state_party', 'Austria', NULL, 'Western European and other States', NULL);
INSERT OR IGNORE INTO gazetteer VALUES ('state_party', 'Belgium', NULL, 'Western European and other States', NULL);
INSERT OR IGNORE INTO gazetteer VALUES ('state_party', 'Canada', NULL, 'Western European and other States', NULL);
INSERT OR IGNORE INTO gazetteer VALUES ('state_party', 'Denmark', NULL, 'Western European and other States', NULL);
INSERT OR IGNORE INTO gazetteer VALUES ('state_party', 'Finland', NULL, 'Western European and other States', NULL);
INSERT OR IGNORE INTO gazetteer VALUES ('state_party', 'France', NULL, 'Western European and other States', NULL);
INSERT OR IGNORE INTO gazetteer VALUES ('state_party', 'Germany', NULL, 'Western European and other States', NULL);
INSERT OR IGNORE INTO gazetteer VALUES ('state_party', 'Greece', NULL, 'Western European and other States', NULL);
INSERT OR IGNORE INTO gazetteer VALUES ('state_party', 'Iceland', NULL, 'Western European and other States', NULL);
INSERT OR IGNORE INTO gazetteer VALUES ('state_party', 'Ireland', NULL, 'Western European and other States', NULL);
INSERT OR IGNORE INTO gazetteer VALUES ('state_party', 'Italy', NULL, 'Western European and other States', NULL);
INSERT OR IGNORE INTO gazetteer VALUES ('state_party', 'Liechtenstein', NULL, 'Western European and other States', NULL);
INSERT OR IGNORE INTO gazetteer VALUES ('state_party', 'Luxembourg', NULL, 'Western European and other States', NULL);
INSERT OR IGNORE INTO gazetteer VALUES ('state_party', 'Malta', NULL, 'Western European and other States', NULL);
INSERT OR IGNORE INTO gazetteer VALUES ('state_party', 'Netherlands', NULL, 'Western European and other States', NULL);
INSERT OR IGNORE INTO gazetteer VALUES ('state_party', 'New Zealand', NULL, 'Western European and other States', NULL);
INSERT OR IGNORE INTO gazetteer VALUES ('state_party', 'Norway', NULL, 'Western European and other States', NULL);
INSERT OR IGNORE INTO gazetteer VALUES ('state_party', 'Portugal', NULL, 'Western European and other States', NULL);
INSERT OR IGNORE INTO gazetteer VALUES ('state_party', 'San Marino', NULL, 'Western European and other States', NULL);
INSERT OR IGNORE INTO gazetteer VALUES ('state_party', 'Spain', NULL, 'Western European and other States', NULL);
INSERT OR IGNORE INTO gazetteer VALUES ('state_party', 'Sweden', NULL, 'Western European and other States', NULL);
INSERT OR IGNORE INTO gazetteer VALUES ('state_party', 'Switzerland', NULL, 'Western European and other States', NULL);
INSERT OR IGNORE INTO gazetteer VALUES ('state_party', 'United Kingdom', NULL, 'Western European and other States', NULL);
