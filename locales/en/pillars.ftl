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

    This is the first pillar of Desmigratif. At the village hall there is a service that gives job-market information, work guidance, information about working abroad and help with first documents. It also checks the data of prospective migrant workers (CPMI) and helps families who have problems.

    Migrant workers are protected before, during and after their work abroad.

    Choose a topic:

page-mig-steps = ✅ Steps
page-mig-steps-text =
    ✅ Steps to migrate safely and legally

    1. Get information first, at the village migration service or the district/city manpower office (Disnaker).
    2. Make sure you meet the requirements: at least 18 years old, skilled for the job, healthy in body and mind, and registered for social security.
    3. Register as a prospective migrant worker at the district/city Disnaker.
    4. Use only a licensed placement company (P3MI). Check its licence on the KP2MI/BP2MI list or ask Disnaker.
    5. Complete your documents (see «Documents»). The LTSA one-stop office has desks for manpower, civil registry, health, immigration, police and BPJS.
    6. Sign the placement agreement and the work agreement. Travel on a work visa, never a visit visa.
    7. While you work abroad and after you come home, you keep your right to protection and help.

    Remember: individuals (brokers, calo) may not place migrant workers.

page-mig-docs = 📄 Documents
page-mig-docs-text =
    📄 Documents for prospective migrant workers

    Under Law 18/2017, Article 13, you need:
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

    • Migrant workers may not be charged placement costs (Law 18/2017, Article 30). A BP2MI regulation names jobs that are free of placement costs, among them housekeeper, babysitter, elderly carer, cook and family driver. Ask Disnaker whether your job is one of them.
    • Work-accident (JKK) and death (JKM) cover with BPJS Ketenagakerjaan is compulsory; old-age savings (JHT) are optional. The fees are Rp37,500 before work plus Rp332,500 for a 24-month contract.
    • KUR Penempatan (since August 2025) is a loan for placement costs, not business capital: up to Rp100 million, 6% interest, no collateral. According to the minister, repayments start in the 7th month of work and run to the end of the contract.

page-mig-help = 📞 Official channels
page-mig-help-text =
    📞 Official channels

    • KP2MI (formerly BP2MI): call 0800-1000 (free, within Indonesia), +62 21 2924 4800 (from abroad), WhatsApp 0811-8080-141, siskop2mi.bp2mi.go.id, or the nearest BP3MI/P4MI office.
    • Ministry of Manpower (Kemnaker): call centre 1500-630, complaints through «Lapor Menaker» at kemnaker.go.id.
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

    If in doubt, check the company with Disnaker or KP2MI (0800-1000). Suspected human trafficking: call the police on 110.

## Pillar 2: productive business

page-biz = 💼 Productive business
page-biz-text =
    💼 Productive business

    This is the second pillar of Desmigratif. Migrant workers' spouses and families get help to build skills and businesses that suit what the village has to offer: training, mentoring, equipment and marketing. There is also business incubation and appropriate technology.

    For returned migrant workers (purna PMI), reintegration through entrepreneurship and money-management training helps them keep working, live decently at home and build the local economy.

    Choose a topic:

page-biz-train = 🎓 Training and mentoring
page-biz-train-text =
    🎓 Training and mentoring

    • Reintegration can include psychosocial counselling, vocational training and entrepreneurship coaching (Government Regulation 59/2021).
    • It is provided by Kemnaker, BP2MI and/or the village government.
    • An example: in Lantan village, Central Lombok, 4 groups of 10 people each received Rp20 million per group after business training.

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
    👨‍👩‍👧 Community parenting

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
    • An example: a cooperative of returned workers in Malang lends Rp2–5 million per member.
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
