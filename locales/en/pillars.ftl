# The four pillars of Desmigratif: information pages, main menu buttons and commands.
# Content sources: /work/shared/CONTENT.md and seed/000. Hotlines and institution names change:
# check them again before a release.

menu-button-faq = 📖 FAQ
menu-button-ask = 💬 Ask an officer
menu-button-inbox = 📥 Open questions

command-migration = Safe migration: steps, documents, official channels
command-business = Productive business: training and capital
command-parenting = Care for migrant workers' children
command-cooperative = The Desmigratif cooperative and joining it
command-faq = Frequently asked questions
command-ask = Ask the officers a question
command-inbox = Questions not yet answered (officers)
command-answer = Answer a question: /answer NUMBER text (officers)

## Pillar 1: migration services

page-mig = 🧭 Safe migration
page-mig-text =
    🧭 Safe migration (migration services)

    This is the first pillar of Desmigratif. At the village hall there is a migration service. Its officers give information about work at home and abroad and help with first documents. They also check the details of prospective migrant workers and help families who have problems.

    The state must protect migrant workers before, during and after their work.

    Choose a topic:

page-mig-steps = ✅ Steps
page-mig-steps-text =
    ✅ Steps to work abroad the official way

    The requirements: at least 18 years old, skilled for the job, and healthy in body and mind. Before you leave you must also be registered with BPJS Ketenagakerjaan (step 9).

    1. Get information at the village migration service, the district or city manpower office (Disnaker), or the LTSA office.
    2. Prepare your first documents (tap «📄 Documents» below).
    3. Register as a prospective migrant worker at Disnaker or the LTSA. Its staff check your details against the civil registry (Dukcapil). You get a yellow card (AK/I), free of charge.
    4. Choose a licensed placement company (P3MI) and go through its selection. Check its licence with «🏢 Check a company's licence».
    5. Take the training and the competence test (for example at a BLK training centre) to get a competence certificate.
    6. Have a health check at a health facility appointed by the government.
    7. Sign the placement agreement (Perjanjian Penempatan) with the P3MI, at Disnaker or the LTSA.
    8. Get a passport at the immigration office, with a letter of recommendation from Disnaker.
    9. Register with BPJS Ketenagakerjaan and get a work visa.
    10. Attend the pre-departure orientation (OPP) at the BP3MI (at Disnaker in some districts). Without OPP you cannot leave.
    11. Sign the work agreement (Perjanjian Kerja), then travel on a work visa, never a visit visa.

    The order can differ a little from district to district: ask Disnaker. Remember: individuals (brokers, calo) may not place migrant workers.

page-mig-docs = 📄 Documents
page-mig-docs-text =
    📄 Documents for prospective migrant workers

    What you are usually asked for first (bring the originals and copies):
    • Your electronic ID card (e-KTP) and family card (KK), from the civil registry (Dukcapil). Their details must match; if they differ, have Dukcapil correct them first.
    • Your birth certificate, from Dukcapil.
    • Your last school certificate. The education required depends on the destination country.
    • A permission letter from your spouse, parent or guardian, signed and acknowledged by the village head (kepala desa or lurah).
    • The yellow card (AK/I), from Disnaker, free of charge. It is usually made when you register at Disnaker (step 3).
    • A health certificate, from a health facility appointed by the government.
    • A passport, if you already have one. If not, it is made later at the immigration office, with Disnaker's recommendation (step 8).

    Under Law 18/2017, Article 13, before you leave you need:
    1. A letter stating your marital status; if married, with a copy of the marriage book.
    2. Permission from your spouse, parent or guardian, acknowledged by the village head (kepala desa or lurah).
    3. A work competence certificate.
    4. A health certificate based on medical and psychological checks.
    5. A passport.
    6. A work visa.
    7. The placement agreement (Perjanjian Penempatan).
    8. The work agreement (Perjanjian Kerja).

    The village government helps with civil-registration documents.

page-mig-costs = 💰 Costs and social security
page-mig-costs-text =
    💰 Costs and social security

    • Migrant workers may not be charged placement costs (Law 18/2017, Article 30). A BP2MI (now KP2MI) regulation names jobs that are free of placement costs, among them housekeeper, babysitter, elderly carer, cook and family driver. Ask Disnaker whether your job is one of them.
    • Work-accident (JKK) and death (JKM) cover with BPJS Ketenagakerjaan is compulsory; old-age savings (JHT) are optional. The fees are Rp37,500 before work plus Rp332,500 for a 24-month contract.
    • KUR Penempatan (since August 2025) is a loan for placement costs, not business capital: up to Rp100 million, 6% interest, no collateral. Repayments are planned to start in the 7th month of work and run to the end of the contract.

page-mig-help = 📞 Official channels
page-mig-help-text =
    📞 Official channels

    • KP2MI (formerly BP2MI): call 0800-1000 (free, within Indonesia), +62 21 2924 4800 (from abroad), WhatsApp 0811-8080-141, website kp2mi.go.id, registration system siskop2mi.bp2mi.go.id, or the nearest BP3MI/P4MI office.
    • Ministry of Manpower (Kemnaker): phone line 1500-630, complaints through «Lapor Menaker» at kemnaker.go.id.
    • Abroad: the Indonesian embassy or consulate (KBRI/KJRI), or the Ministry of Foreign Affairs at peduliwni.kemlu.go.id and the Safe Travel app.
    • Suspected human trafficking (TPPO): police, 110.
    • Near you: the district/city Disnaker and the LTSA.

    Numbers and names of institutions can change. If a number does not work, ask an officer.

page-mig-calo = ⚠️ Beware of brokers
page-mig-calo-text =
    ⚠️ Beware of illegal brokers (calo)

    A calo is an unlicensed recruiter or go-between. Warning signs:
    • high pay promised with no skills or diploma needed, often over WhatsApp;
    • asking for money up front;
    • telling you to say you are «on holiday» at immigration;
    • using a visit visa instead of a work visa.

    Individuals may not place migrant workers. The penalty is up to 10 years in prison and a fine of up to Rp15 billion (Law 18/2017).

    If in doubt, check the company with «🏢 Check a company's licence», and ask Disnaker or KP2MI (0800-1000). To report a broker: Disnaker, KP2MI or the police (110). Bring the company's name and address, the recruiter's name and number, and any suspicious papers.

page-mig-limits = 🌏 Countries with limits
page-mig-limits-text =
    🌏 Destination countries with limits

    • Since July 2015 (Minister of Manpower Decree 260/2015), placing workers with individual employers (domestic workers) in Middle Eastern countries has been stopped, among them Saudi Arabia, the United Arab Emirates and Syria.
    • In 2018–2019 Saudi Arabia had a pilot, the One-Channel Placement System (SPSK, Minister of Manpower Decree 291/2018): only through selected P3MI, for six jobs (among them housekeeper, babysitter, family cook, elderly carer and family driver), on 2-year contracts.
    • In March 2025 the Minister for Migrant Workers said the stop for Saudi Arabia still applied and would be lifted after a new agreement. We have found no news that the agreement was signed.
    • KP2MI also warns against job offers in countries that have no placement agreement with Indonesia, such as Thailand, Myanmar and Cambodia.

    These rules can change. Before you accept domestic work in the Middle East, or work in those countries, ask Disnaker or KP2MI (0800-1000) first.

## Pillar 2: productive business

page-biz = 💼 Productive business
page-biz-text =
    💼 Productive business

    This is the second pillar of Desmigratif. Migrant workers' families get help to start a business that suits their village: training, mentoring, tools and help with selling.

    Returned migrant workers (purna PMI) can take training in business and in managing money, so that they can work and live decently at home.

    Choose a topic:

page-biz-train = 🎓 Training and mentoring
page-biz-train-text =
    🎓 Training and mentoring

    • After coming home, returned workers can get counselling (help with worries and stress), job-skills training and business coaching (Government Regulation 59/2021).
    • It is given by Kemnaker, KP2MI (formerly BP2MI) or the village government.
    • What help there is differs from village to village, and there is not always some. Ask an officer what your village offers.

    See the training schedule with /trainings, or ask an officer.

page-biz-capital = 💵 Business capital
page-biz-capital-text =
    💵 Business capital

    • Migrant workers' cooperatives, such as the 4 that Kemnaker opened in East Java in 2019, give low-interest loans so that people need not depend on brokers and moneylenders. See «Cooperative».
    • KUR Penempatan pays only for placement abroad; it is not business capital.
    • In July 2025, KP2MI and the Ministry of Cooperatives agreed to help returned workers set up or join cooperatives.

    For other loans, ask an officer.

## Pillar 3: community parenting

page-par = 👨‍👩‍👧 Parenting
page-par-text =
    👨‍👩‍👧 Shared care (community parenting)

    This is the third pillar of Desmigratif. The village community shares the care of migrant workers' children while their parents work abroad.

    Its materials are written for the children, the migrant workers and the substitute carers.

    Choose a topic:

page-par-problems = 💭 Common problems
page-par-problems-text =
    💭 Problems migrant workers' children often face

    • it is hard to talk with parents abroad;
    • there is no money for school;
    • stigma;
    • weaker care from substitute carers.

    Through community parenting, the village faces these together.

page-par-carers = 🧒 For children's carers
page-par-carers-text =
    🧒 For those who care for a migrant worker's child

    • Explain to the child that their father or mother works for the child's sake, not for lack of love. With a small child, use simple words.
    • Set regular times for phone or video calls with the parent, and help them really talk, not only about money.
    • Agree with the parents on how you bring the child up.
    • Tell the parents how the child is doing at school and in health. Praise the child when they do well.
    • Watch for a child who is often angry, avoids friends, cries often or seems gloomy, sleeps differently, or whose school marks drop. It can be a sign they need help.

    Where to get help:
    • SAPA 129: call 129 or WhatsApp 08111-129-129 (24 hours), when a child or a woman suffers violence.
    • Puspaga (family learning centre) at the district or city PPPA office: free family counselling. Not every district has one yet.
    • A BKB group (Bina Keluarga Balita) in the village: learning to care for children under five.
    • Desmigratif officers: tap «💬 Ask an officer».

page-par-support = 📚 Materials and activities
page-par-support-text =
    📚 Materials and activities

    • Kemnaker and LKK-PBNU wrote community-parenting modules (2021) for children, migrant workers, substitute carers and facilitators. By 2022 there were 4 guidebooks.
    • The original idea was a village learning centre for children's education and creativity.

    Ask an officer about activities in your village.

## Pillar 4: the Desmigratif cooperative

page-coop = 🤝 Cooperative
page-coop-text =
    🤝 The Desmigratif cooperative (Koperasi Desmigratif)

    This is the fourth pillar of Desmigratif. The cooperative strengthens productive businesses, so that returned workers keep savings, capital and a business in the village.

    Members both own and use the cooperative. Cooperatives are governed by Law 25/1992 on Cooperatives.

    Choose a topic, or apply to join:

page-coop-members = 👥 Members and savings
page-coop-members-text =
    👥 Members and savings

    • Principal savings (simpanan pokok): the same amount for every member, paid on joining.
    • Mandatory savings (simpanan wajib): need not be the same for everyone, paid at set times.
    • Neither can be taken out while you are a member.
    • Voluntary savings (simpanan sukarela): savings of your own choosing.

    Each cooperative's bylaws set the amounts. Ask the board or an officer.

page-coop-loans = 💵 Loans
page-coop-loans-text =
    💵 Loans

    • In 2019 Kemnaker opened 4 migrant workers' cooperatives in East Java. They give low-interest loans to prospective, current and returned migrant workers, so that they need not depend on brokers and moneylenders (rentenir).
    • An example: a cooperative of returned workers in Malang gives small loans to its members.
    • KUR Penempatan is not a business loan; it pays for placement abroad.

    Ask the cooperative's board about the terms of a loan.

page-coop-meetings = 🗳️ Members' meeting
page-coop-meetings-text =
    🗳️ The members' meeting (Rapat Anggota)

    The members' meeting is the highest authority in a cooperative. It:
    • sets the bylaws;
    • elects the board (Pengurus) and the supervisors (Pengawas);
    • approves work plans, the budget and reports;
    • divides the surplus (SHU).

    Decisions are made by consensus; failing that, by majority.

    For meeting dates, see «Contacts and office hours».

page-coop-contacts = 📍 Contacts and office hours
page-coop-contacts-text = 📍 The cooperative's contacts and office hours
