# Profile, my data, and erasing data.

profile-card-returnee =
    👤 { $role }
    Name: { $name }
    Phone: { $phone }
    Village: { $village }, { $district }
    Last country: { $country }
    Years abroad: { $years }
    Work: { $sector }
    Interests: { $interests }
profile-card-family =
    👤 { $role }
    Name: { $name }
    Phone: { $phone }
    Village: { $village }, { $district }
    Relation: { $relation }
    Migrant worker: { $where }, { $country }
    Interests: { $interests }
profile-card-prospective =
    👤 { $role }
    Name: { $name }
    Phone: { $phone }
    Village: { $village }, { $district }
    Destination: { $country }
    Interests: { $interests }
profile-none = (none yet)
profile-title = Your profile:
profile-updated = ✅ Change saved. Your profile now:
profile-not-registered = You are not registered yet. It only takes a few minutes.
profile-registration-unfinished = Your registration is not finished yet. Your answers so far are still here. Tap «▶️ Continue registration» to carry on.
profile-button-continue = ▶️ Continue registration
profile-button-register = 📝 Register now
profile-button-my-data = 📄 My data
profile-button-delete = 🗑 Erase my data

language-name-id = Bahasa Indonesia
language-name-en = English
mydata-intro =
    This is everything stored about you:
    Telegram ID: { $id }
    Language: { $language }
    First contact with the bot: { $since }
mydata-no-profile = You are not registered, so no profile is stored.
mydata-consent-registration = ✔️ You agreed on { $at } that your details are used for registering with this bot.
mydata-consent-cooperative = ✔️ You agreed on { $at } that your name and phone number are used to join the cooperative.
mydata-questions =
    💬 Your questions to the officers ({ $count }). Everything said on them is in the file below.
    { $lines }
mydata-question = • no. { $number }, { $at }: { $status }
mydata-trainings =
    🎫 Your trainings:
    { $lines }
mydata-training = • { $title } ({ $time }): { $status }
mydata-application = 🤝 Request to join the cooperative no. { $number }: { $status }
mydata-more = …and { $count } more. All of them are in the file below.
mydata-step-in-progress = ⏸️ A step is not finished yet (registration, for example). Your answers so far are kept until you finish it, or until you type /cancel.
mydata-file = All of it is also sent as a file below.
mydata-caption = Your data in the Desmigratif service (JSON).

privacy-delete-confirm =
    Are you sure you want to erase all your data? Your profile, training sign-ups, questions and any message about you not yet sent will be erased and cannot be brought back. Messages about you already in officers' chats are replaced with "erased", as far as Telegram allows. Backup copies keep your data for at most 14 days.
privacy-delete-yes = 🗑 Yes, erase everything
privacy-delete-no = ↩️ No, keep my data
privacy-deleted = All your data has been erased from the bot. Backup copies are deleted by themselves within 14 days. Thank you for using the Desmigratif service. You are welcome back any time.
privacy-erased-notice = 🗑 [Erased at the person's request]
language-in-text-id = Indonesian
language-in-text-en = English
