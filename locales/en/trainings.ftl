# Trainings: the list, details, signing up, the waitlist, reminders and the officers' tools.

command-trainings = Upcoming trainings and my sign-ups
command-newtraining = Create a training (officers)
menu-button-trainings = 📚 Trainings

training-category-business = Entrepreneurship
training-category-finance = Financial management
training-category-digital = Digital skills
training-category-coop = Cooperative
training-category-parenting = Parenting
training-category-other = Other

training-status-open = open
training-status-closed = sign-ups closed
training-status-cancelled = cancelled

## The list

training-list-title = 📚 Upcoming trainings (page { $page } of { $pages }):
training-list-item =
    { $number }. { $title }
    🗓️ { $time }
    📍 { $place }
    { $seats }
training-list-seats = 🪑 { $left ->
        [one] 1 seat left
       *[other] { $left } seats left
    }
training-list-full = 🪑 Full, waitlist open
training-list-closed = 🔒 Sign-ups closed
training-list-pick = Tap a training to see the details and sign up.
training-list-empty = There are no open trainings at the moment. Please check again later, or watch for the officers' announcements.
training-button-open = { $number }. { $title }
training-button-previous = ⬅️ Previous
training-button-next = Next ➡️
training-button-list = 📚 Trainings
training-button-mine = 🎫 My trainings
training-button-details = 📄 See the training
training-button-title = 📄 { $title }

## Details

training-detail =
    📚 { $title }
    🏷️ { $category }
    🗓️ { $time }
    📍 { $place }
training-seats-left = 🪑 { $left } of { $capacity } seats left.
training-seats-full = 🪑 { $capacity ->
        [one] The only seat is taken.
       *[other] All { $capacity } seats are taken.
    } Waitlist: { $waiting ->
        [one] 1 person
       *[other] { $waiting } people
    }.
training-description = { $text }
training-note-cancelled = ❌ This training has been cancelled.
training-note-started = This training has already started.
training-note-closed = 🔒 Sign-ups for this training are closed.
training-you-booked = ✅ You have a seat in this training.
training-you-waiting = ⏳ You are on the waitlist, number { $position }.
training-not-found = Sorry, that training could not be found. Tap «📚 Trainings» to choose another one.
training-button-sign-up = ✍️ Sign up
training-button-waitlist = ⏳ Join the waitlist
training-button-leave-seat = 🚪 I can't go
training-button-leave-waitlist = 🚪 Leave the waitlist

## Signing up

training-register-first =
    To join "{ $title }", please register with this bot first. You only need to do it once.
    Type /register to start. When you are done, I will show you this training again so you can sign up straight away.
training-after-registration = Your registration is complete. Here is the training you wanted to join:
training-signed-up =
    ✅ You are signed up for "{ $title }"!
    🗓️ { $time }
    📍 { $place }
    We will remind you before it starts. If you cannot come, open «🎫 My trainings» and tap «🚪 I can't go», so someone else can go.
training-waitlisted =
    "{ $title }" is full. You are number { $position } on the waitlist.
    If a seat frees up when it is your turn, it is yours straight away and we will let you know here.
training-already-signed-up = You already have a seat in this training, or a place on its waitlist.
training-not-open = Sorry, sign-ups for this training are closed.
training-not-signed-up = You are not signed up for this training.

## My trainings

training-mine-title = 🎫 Your trainings:
training-mine-item =
    { $title }
    🗓️ { $time }
    📍 { $place }
    { $status }
training-mine-booked = ✅ Seat booked
training-mine-waiting = ⏳ Waitlist number { $position }
training-mine-empty = You have not signed up for any training yet. Tap «📚 Trainings» to choose one.
training-button-leave = 🚪 I can't go

training-leave-seat-confirm = Are you sure you can't go to "{ $title }" ({ $time })? Your seat will go to the next person on the waitlist.
training-leave-waitlist-confirm = Leave the waitlist for "{ $title }" ({ $time })?
training-button-leave-yes = Yes, I can't go
training-button-keep = No, keep it
training-left-seat = All right, you are not going to "{ $title }". Your seat can now go to someone else. Thank you for letting us know.
training-left-waitlist = You have left the waitlist for "{ $title }".

## Messages to participants

training-promoted =
    🎉 Good news! A seat freed up in "{ $title }", and it is now yours.
    🗓️ { $time }
    📍 { $place }
    If you cannot come, open «🎫 My trainings» and tap «🚪 I can't go».
training-reminder =
    ⏰ Reminder: "{ $title }" starts on { $time }.
    📍 { $place }
    If you cannot come, please tap «🎫 My trainings», then «🚪 I can't go», so someone else can go.
training-cancelled-notice = ❌ We are sorry: "{ $title }" ({ $time }) has been cancelled. Tap «📚 Trainings» to choose another training.
training-changed-notice = ✏️ A training you signed up for has changed. Here are the latest details:

## Officers: creating a training

training-new-intro = Let's create a new training. I will ask one thing at a time; tap «✖️ Cancel» at any point to stop. To add many trainings at once, just send me a CSV file (get an example with the button below).
training-ask-title-id = Write the title in Indonesian (3–80 characters):
training-ask-title-en = Write the title in English (3–80 characters). None? Tap «⏭️ Skip English»: everyone will read the Indonesian title.
training-ask-category = Choose the category:
training-ask-starts-at = When does it start? Write the date and time, { $zone } time, for example { $example }
training-ask-location = Where does it take place? (for example: Balai Desa Kenanga, Jl. Merdeka 5)
training-ask-capacity = How many seats are there? Write a number from 1 to 10,000:
training-ask-description-id = Write the description in Indonesian (10–1,000 characters): what people will learn and what to bring.
training-ask-description-en = Write the description in English (10–1,000 characters). None? Tap «⏭️ Skip English».

training-invalid-empty = The answer is empty.
training-invalid-too-short = Too short: at least { $min } characters.
training-invalid-too-long = Too long: at most { $max } characters.
training-invalid-category = Please choose the category with one of the buttons below.
training-invalid-time-format = I cannot read that date and time. Please write it like this: 20/12/2026 09:00 (day/month/year hour:minute).
training-invalid-no-time = The time is missing. Write the date and the time, for example 20/12/2026 09:00.
training-invalid-ambiguous = That date can be read two ways: 05/12 could be 5 December or May 12. Write the month in letters, for example 5 Dec 2026 09:00.
training-invalid-ambiguous-which = "{ $typed }" could mean { $first } or { $second }. Please write the month in letters, for example: { $example }
training-example-at = { $date } { $clock }
training-invalid-no-such-time = That time does not exist in this time zone (the clocks skip it). Please choose another time.
training-invalid-past = That time has already passed. Please choose a date and time still to come.
training-invalid-not-a-number = Please write just a number, for example 25.
training-invalid-capacity-range = The number of seats must be from 1 to 10,000.
training-invalid-capacity-below-booked = { $booked } people already have a seat, so there cannot be fewer than { $booked } seats.
training-invalid-not-text = Please answer in writing.

training-preview = Please check once more. If it is right, tap «💾 Save»; the training opens for sign-ups at once.
training-preview-waiting = This training is not saved yet. Tap «💾 Save», or «✖️ Cancel».
training-preview-details =
    🇮🇩 { $title_id }
    🇬🇧 { $title_en }
    🏷️ { $category }
    🗓️ { $time }
    📍 { $place }
    🪑 { $capacity } seats
training-preview-description-id = 🇮🇩 { $text }
training-preview-description-en = 🇬🇧 { $text }
training-button-save = 💾 Save
training-preview-area = 📍 For: { $area }
training-preview-choose-area = 📍 For which area? Choose below.
training-button-save-for = 💾 Save for { $area }
training-saved = ✅ The training is saved and open for sign-ups.

## Officers: managing a training

training-officer-summary = 👮 Status: { $status }. { $booked } of { $capacity } seats taken, { $waiting } on the waitlist.
training-officer-area = 📍 Training for: { $area }
training-officer-link = Link for posters or a QR code: { $link }
training-button-new = ➕ New training
training-button-edit = ✏️ Edit
training-button-participants = 👥 Participants (CSV file)
training-button-people = 👥 See participants
training-people-page = { $lines }
training-people-booked = { $number }. { $name }, { $phone }, { $village }
training-people-waiting = ⏳ queue { $position }: { $name }, { $phone }, { $village }
training-people-unknown = (none)
training-people-none = Nobody has joined this training yet.
training-people-pages = Page { $page } of { $pages }.
training-button-close = 🔒 Close sign-ups
training-button-reopen = 🔓 Reopen sign-ups
training-button-cancel-training = ❌ Cancel the training
training-button-template = 📄 Example CSV file

training-edit-choose = What would you like to change in "{ $title }"? Everyone signed up will be told about the change.
training-edit-current = Now: { $value }
training-edit-saved = ✅ Change saved. { $people ->
        [one] 1 participant was told.
       *[other] { $people } participants were told.
    }
training-edit-unchanged = Nothing has changed.
training-cancelled-unchangeable = A cancelled training cannot be changed any more.
training-field-title-id = Title (Indonesian)
training-field-title-en = Title (English)
training-field-category = Category
training-field-starts-at = Start time
training-field-location = Place
training-field-capacity = Seats
training-field-description-id = Description (Indonesian)
training-field-description-en = Description (English)
training-button-skip-english = ⏭️ Skip English
training-button-change-field = ✏️ { $field }
training-button-back-to-preview = ⬅️ Back to the preview
training-same-as-indonesian = (none: everyone reads the Indonesian)

training-closed = 🔒 Sign-ups closed. People who have a seat keep it.
training-reopened = 🔓 Sign-ups are open again.
training-cancel-confirm = Cancel "{ $title }" ({ $time })? { $people } people with a seat or on the waitlist will be told. Once cancelled, the training cannot be opened again.
training-button-cancel-yes = Yes, cancel the training
training-button-keep-training = No, keep it
training-cancelled-done = ❌ Training cancelled. { $people ->
        [one] 1 person was told.
       *[other] { $people } people were told.
    }
training-participants-caption = Participants of "{ $title }" ({ $time }): { $booked } booked, { $waiting } on the waitlist.

## Officers: CSV import

training-template-caption = Fill in one row per training, save as "CSV UTF-8" and send the file here. Categories: business, finance, digital, coop, parenting, other. Time: YYYY-MM-DD HH:MM. title_en and description_en may stay empty: everyone then reads the Indonesian.
training-import-done = ✅ { $count ->
        [one] 1 training imported
       *[other] { $count } trainings imported
    } and open for sign-ups.
training-import-failed = This file was not imported: { $count ->
        [one] there is 1 problem
       *[other] there are { $count } problems
    }, so nothing was saved. Please fix and send it again.
training-import-no-rows = The file has no trainings in it.
training-import-field = { $column }: { $problem }
training-import-category = category: use one of the codes business, finance, digital, coop, parenting, other.
training-import-repeated = is the same as line { $line }.
training-import-exists = this training is already in the bot (number { $id }).

## /export

export-button-trainings = 📄 Trainings
export-button-signups = 📄 Training sign-ups (all)
