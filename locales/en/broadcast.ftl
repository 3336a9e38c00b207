# Officers' announcements: writing, choosing recipients, preview, delivery progress, report.

broadcast-ask-text = 📣 Write the announcement in { $language }. It can be text, or a photo with a caption.
broadcast-offer-other = Add a version in { $language }? Recipients who use { $language } will get it; without it, everyone gets the version you wrote.
broadcast-button-add-other = ➕ Add the { $language } version
broadcast-button-skip-other = ➡️ Skip
broadcast-ask-other-text = Write the { $language } version:
broadcast-text-or-photo = Please send text, or a photo with a caption.
broadcast-text-empty = An announcement cannot be empty.
broadcast-text-too-long = The announcement is too long: { $length } characters, at most { $max }.
broadcast-ask-audience = Who should get it?
broadcast-audience-button = { $audience } ({ $count })
broadcast-audience-everyone = Everyone
broadcast-audience-returnee = Returned migrant workers
broadcast-audience-family = Migrant workers' families
broadcast-audience-prospective = Prospective migrant workers
broadcast-audience-lang-id = People using Indonesian
broadcast-audience-lang-en = People using English
broadcast-audience-village = 📍 One village…
broadcast-audience-village-named = registered people of { $village }
broadcast-ask-village = Type a few letters of the village's name (for example: kenanga). For a whole district or regency, press «Choose by regency or city».
broadcast-ask-when = When should it go out?
broadcast-button-now = 🚀 Now
broadcast-button-later = 🕘 Later…
broadcast-ask-time = Type the date and time, for example { $example }
broadcast-time-format = I could not read that time. Write it like this: { $example }
broadcast-time-past = That time has passed. Please choose a time in the future.
broadcast-when-now = right away
broadcast-when-at = on { $time }
broadcast-preview-intro = Preview of the announcement to { $audience }: { $count } people, sent { $when }. This is how recipients will see it:
broadcast-confirm = Send this announcement?
broadcast-button-send = ✅ Send to { $count } people
broadcast-button-edit = ✏️ Change the text
broadcast-button-add-join = 🎓 Add a training button
broadcast-button-remove-join = ➖ Remove the training button
broadcast-ask-join-training = Which training? Under the announcement there will be a «✍️ Join this training» button: one tap and the recipient joins it.
broadcast-join-training = ✍️ Join this training
broadcast-started = 📣 Announcement #{ $id } is going out. Its progress shows below.
broadcast-scheduled = 🕘 Announcement #{ $id } is scheduled { $time }.
broadcast-unavailable = This announcement is no longer available.

broadcast-progress =
    📣 Announcement #{ $id }
    { $bar } { $percent }%
    { $done } of { $total } · delivered { $delivered } · blocked { $blocked } · failed { $failed }
    Time left: { $minutes ->
        [0] about { $seconds } s
       *[other] about { $minutes } min
    }
broadcast-progress-paused = ⏸ Paused.
broadcast-button-pause = ⏸ Pause
broadcast-button-resume = ▶️ Resume
broadcast-button-stop = ⏹ Stop
broadcast-paused = Delivery paused.
broadcast-resumed = Delivery resumed.
broadcast-not-running = This announcement is no longer running.
broadcast-report =
    ✅ Announcement #{ $id } finished.
    Recipients: { $total }
    Delivered: { $delivered }
    Blocked the bot: { $blocked }
    Failed: { $failed }
broadcast-report-cancelled =
    ⏹ Announcement #{ $id } was stopped.
    Recipients: { $total }
    Delivered: { $delivered }
    Blocked the bot: { $blocked }
    Failed: { $failed }
    Not sent: { $unsent }
broadcast-audience-training = 📚 People booked on a training…
broadcast-audience-training-named = people booked on training no. { $number }
broadcast-ask-training = People booked on which training?
broadcast-no-trainings = There are no upcoming trainings yet.
broadcast-training-button = { $title } · { $time } · { $booked } booked
broadcast-audience-combine = 🎯 Combine: area, role, interest, country, language…
broadcast-filter = { $parts }
broadcast-filter-everyone = Everyone
broadcast-filter-within = in your area
broadcast-filter-district = { $district } district
broadcast-combine-intro = Choose the parts. People must match every part chosen; within one part, any one choice will do. The number on each button is how many people you get by pressing it.
broadcast-combine-now = Now: { $audience } — { $count } people.
broadcast-combine-on = ✅ { $name } · { $count }
broadcast-combine-off = ▫️ { $name } · { $count }
broadcast-combine-add-place = 📍 Add a village, district or regency
broadcast-combine-clear-places = 🧹 Clear the places
broadcast-combine-done = ➡️ Next ({ $count } people)
broadcast-combine-nobody = Nobody matches this yet. Change the choice first.
broadcast-whole-regency = ✅ The whole regency
broadcast-whole-district = ✅ The whole district
broadcast-place-outside = That place is outside your area. Please choose a place in your area.
broadcast-training-outside = That training is not in your area. Please choose one from the list.
broadcast-status-draft = Draft
broadcast-status-scheduled = Scheduled
broadcast-status-sending = Sending
broadcast-status-paused = Paused
broadcast-status-cancelled = Stopped
broadcast-status-done = Done
broadcast-filter-within-sender = in the sender's area
broadcast-photo-too-big = The photo is too big. At most { $mb } MB.
broadcast-photo-kind = That file is not a JPG or PNG photo. Please choose another one.
broadcast-photo-again = Please choose the photo again, then look at the preview again.
