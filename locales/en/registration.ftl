# Registration: consent, the questions for each role, the summary.

registration-consent =
    Before you register, please read this:
    📋 What is stored: your role, name, phone number, village and district, country and work experience abroad (if any), and your interests.
    🎯 What for: to invite you to trainings and the cooperative, and to answer your questions.
    👀 Who sees it: only the Desmigratif officers for your village and regency, and the programme's central staff. When you ask a question, they see your name, phone number and village, so that they can reach you. It is not sold and not shared with anyone else.
    🗑 Erasing: any time with /delete. Your data is deleted from the bot, not just hidden. Messages about you in officers' chats are replaced with "erased", as far as Telegram allows. Backup copies keep it for at most 14 days, then it is gone from them too.
    Do you agree?
registration-consent-agree = ✅ I agree
registration-consent-decline = ❌ No, thank you
registration-declined = That is fine. None of your personal data is stored. You can still read all the information and ask the officers questions.

registration-ask-role = Who are you registering as?
registration-ask-name = What is your full name? (as on your ID card)
registration-ask-phone = What is your mobile number? Tap «Send my phone number» below.
registration-share-phone = 📱 Send my phone number
registration-phone-or-type = Or type your number, for example 0812-3456-7890. Write foreign numbers with the country code, for example +60 12-345 6789.
registration-phone-saved = ✅ Number saved: { $phone }
registration-ask-village = Which village (desa or kelurahan) do you live in? Type its name (a few letters are enough), then choose it from the list.
registration-use-village = 📍 { $village }
registration-ask-country-returnee = In which country did you last work?
registration-ask-country-family = In which country does your family member work (or did they last work)?
registration-ask-country-prospective = Which country would you like to work in?
registration-ask-country-other = Type the name of the country:
registration-ask-years = How many years did you work abroad? Type the number, for example 3 (at most { $max }).
registration-ask-sector = What kind of work did you do?
registration-ask-relation = A member of your family works abroad. How are you related to them?
registration-ask-where = Where is your family member now?
registration-ask-interests = What would you like to know about? Choose one or more, then tap «Done».
registration-interest-on = ✅ { $interest }
registration-interest-off = ▫️ { $interest }
registration-interests-done = ➡️ Done
registration-summary = Please check your details. Tap a ✏️ button to change something, or «Save» if all is right.
registration-save = 💾 Save
registration-done = Thank you, you are registered! 🎉 The officers can send you news of trainings and activities through this bot. See the trainings now with /trainings.

registration-edit-role = ✏️ Role
registration-edit-name = ✏️ Name
registration-edit-phone = ✏️ Phone
registration-edit-village = ✏️ Village
registration-edit-country = ✏️ Country
registration-edit-years = ✏️ Years abroad
registration-edit-sector = ✏️ Work
registration-edit-relation = ✏️ Relation
registration-edit-where = ✏️ Where now
registration-edit-interests = ✏️ Interests

registration-name-too-short = That name is too short. Please write your full name.
registration-name-too-long = That name is too long (at most { $max } letters).
registration-name-digits = A name cannot contain numbers. Please write it in letters.
registration-name-letters = A name can only have letters, spaces, full stops, commas, hyphens or apostrophes (no emoji).
registration-phone-invalid = That is not a phone number. Please write just the digits, for example 0812-3456-7890.
registration-phone-too-short = That number is too short. Please check it, for example 0812-3456-7890.
registration-phone-too-long = That number is too long. Please check it.
registration-phone-not-yours = That is someone else's contact. Please share your own number, or type it.
registration-place-too-short = That place name is too short. Please write it in full.
registration-place-too-long = That place name is too long (at most { $max } letters).
registration-place-characters = A place name can only have letters, digits, spaces and . , - ' / ( )
registration-years-not-a-number = Please write just a number, for example 3.
registration-years-negative = The number of years cannot be less than zero.
registration-years-too-many = That is too many. Please write a number from 0 to { $max }.
registration-use-buttons = For this question, please tap one of the buttons.
registration-type-answer = For this question, please type your answer.

role-returnee = 🏠 Returned migrant worker
role-family = 👨‍👩‍👧 Migrant worker's family
role-prospective = ✈️ Planning to work abroad

interest-business = Entrepreneurship
interest-finance = Money management
interest-coop = Cooperative membership
interest-digital = Digital skills
interest-jobs = Job information
interest-parenting = Parenting

relation-spouse = Husband/wife
relation-parent = Parent
relation-child = Child
relation-sibling = Brother/sister
relation-other = Other

sector-domestic = Household work
sector-care = Caring for elderly/children
sector-factory = Factory
sector-farm = Plantation/farming
sector-construction = Construction
sector-fishery = Fishing/ship crew
sector-hospitality = Hotel/restaurant
sector-other = Other

country-my = Malaysia
country-tw = Taiwan
country-hk = Hong Kong
country-sa = Saudi Arabia
country-sg = Singapore
country-kr = South Korea
country-jp = Japan
country-other = Another country
country-undecided = Not sure yet

worker-abroad = Still abroad
worker-home = Back home

registration-village-update = The bot's villages now come from the official list. Please choose your village once, so that your village officer can help you. You wrote before: «{ $village }, { $district }».
registration-village-update-choose = 📍 Choose my village
registration-village-update-later = Later

registration-continue = Let us carry on with your registration. Your earlier answers are still here.
