# FAQ: topics, questions and answers, and the answers offered for free text.
# The search terms are in src/engine/pillars/faq.rs.

faq-title = 📖 Frequently asked questions. Choose a topic:
faq-choose = Choose a question:
faq-topic-mig = 🧭 Safe migration
faq-topic-biz = 💼 Business and training
faq-topic-par = 👨‍👩‍👧 Parenting
faq-topic-coop = 🤝 Cooperative
faq-topic-bot = ℹ️ About this service
faq-button-more = 📄 Read more

faq-requirements = What do I need to work abroad?
faq-requirements-answer = You must be at least 18, skilled for the job, healthy in body and mind, registered with BPJS Ketenagakerjaan (social security), and have complete documents. Register as a prospective migrant worker at the district/city manpower office (Disnaker).

faq-documents = Which documents do I need?
faq-documents-answer = A marital-status letter, your family's permission acknowledged by the village head, a competence certificate, a health certificate, a passport, a work visa, the placement agreement and the work agreement.

faq-fees = Do I have to pay placement costs?
faq-fees-answer = Under Law 18/2017, migrant workers may not be charged placement costs. Jobs such as housekeeper, babysitter, elderly carer, cook and family driver are clearly free of them. BPJS Ketenagakerjaan fees are still paid. If someone wants money up front, beware of a broker.

faq-agency = How do I check a placement company is licensed?
faq-agency-answer = A licensed placement company is called a P3MI. Check its licence with KP2MI (formerly BP2MI), or ask Disnaker. Individuals may not place migrant workers.

faq-brokers = How do I spot an illegal broker?
faq-brokers-answer = Beware of high pay promised with no skills or diploma (often over WhatsApp), requests for money up front, being told to say you are «on holiday» at immigration, or a visit visa instead of a work visa.

faq-trouble = My relative abroad is in trouble. Who can help?
faq-trouble-answer = Contact KP2MI: 0800-1000 (within Indonesia), +62 21 2924 4800 (from abroad) or WhatsApp 0811-8080-141. Abroad, there is the Indonesian embassy or consulate (KBRI/KJRI). The village migration service also helps families with problems. Suspected trafficking: police, 110.

faq-bpjs = Is BPJS Ketenagakerjaan compulsory?
faq-bpjs-answer = Yes. Work-accident (JKK) and death (JKM) cover are compulsory; old-age savings (JHT) are optional. The fees are Rp37,500 before work plus Rp332,500 for a 24-month contract.

faq-kur = What is KUR Penempatan?
faq-kur-answer = A loan for the costs of placement abroad (not business capital): up to Rp100 million, 6% interest, no collateral, since August 2025.

faq-training = How can I join business training?
faq-training-answer = There is training in entrepreneurship, money management and vocational skills, and business mentoring. See the schedule with /trainings, or ask an officer.

faq-capital = Where can I get capital for a business?
faq-capital-answer = Migrant workers' cooperatives, such as those Kemnaker opened in East Java, give low-interest loans. KUR Penempatan is not for business capital. For other loans, ask an officer.

faq-parenting = What is community parenting?
faq-parenting-answer = The village community shares the care of migrant workers' children while their parents work abroad.

faq-children = Family looks after my children while I work. Is there support?
faq-children-answer = Yes. Community parenting helps children and substitute carers, for example when it is hard to talk with parents abroad or with school costs. Ask an officer about activities in your village.

faq-join = How do I join the cooperative?
faq-join-answer = Open «Cooperative» and tap «✋ I want to join». You do not need to register with this bot first. An officer will get in touch. You can see where your application stands under «📋 My application».

faq-savings = What are principal, mandatory and voluntary savings?
faq-savings-answer = Principal savings are the same for everyone and paid on joining. Mandatory savings are paid at set times. Neither can be taken out while you are a member. Voluntary savings are savings of your own choosing. The cooperative's bylaws set the amounts.

faq-loans = Does the cooperative lend money?
faq-loans-answer = Migrant workers' cooperatives, such as those Kemnaker opened in East Java, give low-interest loans, so that people need not depend on brokers and moneylenders. For example, Rp2–5 million per member at a cooperative in Malang. Ask the board about the terms.

faq-meeting = Who decides in the cooperative?
faq-meeting-answer = The members' meeting (Rapat Anggota). It sets the bylaws, elects the board and the supervisors, approves plans, the budget and reports, and divides the surplus (SHU).

faq-programme = What is Desmigratif?
faq-programme-answer = Desa Migran Produktif (Productive Migrant Village), a Ministry of Manpower programme since 2016 for villages that many migrant workers come from. Its four pillars: migration services, productive business, community parenting and the Desmigratif cooperative.

faq-register = Do I need to register first?
faq-register-answer = Not always. Without registering, you can still read the information, ask the officers and apply to join the cooperative. To join a training, you need to register first with /register.

faq-ask = How do I ask an officer directly?
faq-ask-answer = Tap «Ask an officer» or type /ask, then write your question. You can also send a photo or a voice note. The answer comes in this chat.
