# The question desk: users ask, officers answer. Answers always come from «the Desmigratif officer».

question-ask-prompt = ✍️ Write your question in one message. You can also send a photo or a voice note. A Desmigratif officer will answer in this chat.
question-too-long = That message is too long. Please shorten it to at most { $max } characters.
question-kind-hint = Sorry, I can only pass on text, photos, videos, files or voice notes.
question-received = ✅ Thank you! Your question has arrived as number { $number }. An officer will answer here. Want to add something? Tap «🗂️ My questions», then «✍️ Follow up».
question-button-mine = 🗂️ My questions
question-button-follow-up = ✍️ Follow up
question-button-view = { $urgent }No. { $number } · { $status }
question-button-open = { $urgent }No. { $number }
question-status-waiting = ⏳ waiting for an officer
question-status-taken = ✋ an officer is on it
question-status-answered = ✅ answered
question-status-closed = 🗂️ closed by an officer
question-status-resolved = ✅ resolved
question-not-found = That question was not found.
question-mine-title = 🗂️ Your questions. Choose one to see its answer:
question-mine-none = You have not asked anything yet. Tap «Ask an officer» to start.
question-view-title = Question no. { $number } ({ $status })
question-thread-earlier = (earlier messages are not shown)
question-thread-you =
    🙋 You, { $time }:
    { $media }{ $text }
question-thread-asker =
    🙋 The asker, { $time }:
    { $media }{ $text }
question-thread-officer =
    👤 Desmigratif officer, { $time }:
    { $text }
question-follow-up-prompt = ✍️ Write what you want to add or ask next about question no. { $number }. You can also send a photo or a voice note.
question-follow-up-received = ✅ Thank you! Your addition to question no. { $number } has gone to the officers.
question-answer-for-you = 💬 The Desmigratif officer's answer to your question no. { $number }:
question-quote = { $media }{ $text }

question-media-photo = [📷 photo]{" "}
question-media-voice = [🎤 voice note]{" "}
question-media-audio = [🎵 audio]{" "}
question-media-video = [🎬 video]{" "}
question-media-video_note = [🎬 video note]{" "}
question-media-document = [📎 file]{" "}
question-media-location = [📍 location]{" "}
question-forwarded = [↪️ forwarded from { $origin }]{" "}
question-forwarded-unnamed = [↪️ forwarded]{" "}
question-labels = { $forwarded }{ $media }

# For officers.
question-who-registered = { $name } ({ $role }, { $village } village) · 📞 { $phone }{ $lang }
question-who-unregistered = someone who has not registered{ $lang }
question-notice-new =
    ❓ New question no. { $number }
    From: { $who }
question-notice-more =
    ➕ More on question no. { $number }
    From: { $who }
question-notice-open =
    ❓ { $urgent }Question no. { $number } · { $status }
    From: { $who }
question-notice-how = To answer, reply to this message, or type /answer { $number } followed by the answer. Answers go out as «the Desmigratif officer».
question-answer-usage = How to answer: /answer NUMBER your answer. For example: /answer 12 The documents are handled at Disnaker. You can also reply to the question's message.
question-answer-too-long = That answer is too long. Please shorten it to at most { $max } characters, or send it in parts.
question-answer-gone = Question no. { $number } no longer exists (the asker may have erased their data).
question-answer-already = Question no. { $number } has already been answered. Your answer has not been sent.
question-answer-sent = ✅ The answer to question no. { $number } has been sent.
question-inbox-line = { $urgent }No. { $number } · { $taken }{ $village } · { $waited } · { $media }{ $text }
question-inbox-how = Tap a question's number to see all of it and reply to it.

question-notice-escalated =
    ⏫ Nobody took question no. { $number } for { $hours } hours, so it now comes to you.
    From: { $who }
question-button-take = ✋ I'll take no. { $number }
question-taken-you = ✋ Question no. { $number } is yours to answer. It goes up no further.
question-taken-already = Question no. { $number } has already been taken by someone else.
question-taken-by = ✋ Question no. { $number } was taken by { $taker }.
question-taker-named = { $name }
question-taker-someone = another officer

# A message that no step expected (engine/pillars/held.rs): always a way to an officer.
greeting = Hello! 👋 How can I help? Choose from the menu below, or write your question.
held-text = I have no ready answer for this. I can send your message to an officer of the programme; they will answer you here.
held-voice = I cannot listen to voice notes, but an officer can. Shall I send it to them? They will answer you here.
held-media = I cannot look at photos or videos, but an officer can. Shall I send it to them? They will answer you here.
held-document = I cannot read files, but an officer can. Shall I send it to them? They will answer you here.
held-location = Shall I send your location to an officer? They will answer you here.
held-forwarded = I can send this forwarded message to an officer, for example to ask whether a job offer is real. They will answer you here.
held-or-officer = If this does not help, I can send your message to an officer.
held-button-send = 📨 Send to an officer
held-button-add = ➕ Add to my question no. { $number }

# Urgent cases (engine/pillars/emergency.rs).
command-emergency = 🆘 Emergency: help for someone in trouble
menu-button-emergency = 🆘 Emergency (urgent help)
emergency-place-indonesia = 🇮🇩 Indonesia
emergency-place-malaysia = 🇲🇾 Malaysia
emergency-place-taiwan = 🇹🇼 Taiwan
emergency-place-hong_kong = 🇭🇰 Hong Kong
emergency-place-saudi_arabia = 🇸🇦 Saudi Arabia
emergency-place-singapore = 🇸🇬 Singapore
emergency-place-south_korea = 🇰🇷 South Korea
emergency-place-japan = 🇯🇵 Japan
emergency-place-uae = 🇦🇪 United Arab Emirates
emergency-place-qatar = 🇶🇦 Qatar
emergency-place-kuwait = 🇰🇼 Kuwait
emergency-place-brunei = 🇧🇳 Brunei
emergency-place-other = 🌏 Another country
emergency-where = 🆘 Where is the person who needs help now?
emergency-where-first = Please choose the place first, with a button below. Your message is kept.
emergency-contacts-title = 🆘 Who can help now ({ $place }):
emergency-no-mission = We have no checked number of Indonesia's embassy there yet. Call the Foreign Ministry's hotline below, or press the emergency button in its Safe Travel app.
emergency-contacts = { $list }
emergency-contact =
    • { $name }
    { $lines }
emergency-line-hotline = 🆘 Hotline: { $value }
emergency-line-phone = 📞 Phone: { $value }
emergency-line-whatsapp = 💬 WhatsApp: { $value }
emergency-line-address = 📍 { $value }
emergency-line-note = ℹ️ { $value }
emergency-contacts-checked = These numbers come from official pages and from news quoting the embassies; we last checked them on { $date }. If a number does not answer, use the emergency button of the Foreign Ministry's Safe Travel app.
emergency-tell = ✍️ Tell us briefly what happened, and where. A voice note is fine too. It goes at once to the programme's officers as an urgent case.
emergency-tell-again = Please write what happened, or send a voice note. To stop, press «✖️ Cancel».
emergency-received = 🆘 Thank you. Your message (no. { $number }) has gone to the officers as an urgent case. They will answer here as soon as they can, but perhaps not at once. If someone is in danger now, call the numbers above as well.
emergency-offer = Is someone in danger or in trouble? Press «🆘 It is an emergency». You get numbers that can help at once, and your message goes to the officers as an urgent case.
emergency-button-offer = 🆘 It is an emergency
question-urgent-mark = 🆘{" "}
question-urgent-where = 📍 The person in trouble is in: { $place }
question-notice-urgent =
    🆘 URGENT CASE no. { $number }
    From: { $who }
question-notice-urgent-again =
    🆘 Urgent case no. { $number } has waited { $hours } hours and nobody has taken it yet.
    From: { $who }
question-notice-group-urgent = 🆘 An urgent case, no. { $number }. What it says is shown only in officers' private chats with the bot. To answer, reply to this message.

# The inbox's pages and filters.
inbox-title-open = 📥 Open questions: { $count }. Urgent cases first, then the longest waiting. Page { $page } of { $pages }.
inbox-title-urgent = 🆘 Urgent cases still open: { $count }. Page { $page } of { $pages }.
inbox-title-waiting = ⏳ Open questions nobody has taken: { $count }. Page { $page } of { $pages }.
inbox-title-mine = ✋ Questions you took, still open: { $count }. Page { $page } of { $pages }.
inbox-title-answered = ✅ Answered questions: { $count }, the latest first. Page { $page } of { $pages }.
inbox-empty-open = No questions are waiting for an answer. 🎉
inbox-empty-urgent = No urgent case is open.
inbox-empty-waiting = Every open question has been taken by someone.
inbox-empty-mine = You have no open question that you took.
inbox-empty-answered = No question has been answered yet.
inbox-title-closed = 🗂️ Closed questions: { $count }, the newest first. Page { $page } of { $pages }.
inbox-empty-closed = No question has been closed yet.
inbox-button-open = 📥 All open
inbox-button-urgent = 🆘 Urgent
inbox-button-waiting = ⏳ Not taken
inbox-button-mine = ✋ Mine
inbox-button-answered = ✅ Answered
inbox-button-closed = 🗂️ Closed
inbox-button-previous = ◀️ Previous
inbox-button-next = Next ▶️
inbox-no-village = no village
inbox-waited-minutes =
    { $n ->
        [0] just now
        [one] 1 minute
       *[other] { $n } minutes
    }
inbox-waited-hours = { $n } h
inbox-waited-days = { $n } days
question-earlier = 🗂️ This person's other questions: { $list }
question-earlier-item = no. { $number } ({ $status })

# Where a question stands (engine/pillars/desk.rs): waiting → taken → answered → closed.
question-thread-addition =
    ➕ More from the Desmigratif officer, { $time }:
    { $text }
question-thread-correction =
    ✏️ Correction from the Desmigratif officer, { $time }:
    { $text }
question-button-resolved = ✅ Resolved
question-resolved = ✅ Thank you. Question no. { $number } is marked resolved. If there is anything else later, open «My questions» and tap «Follow up».
question-resolved-by-asker = ✅ The asker marked question no. { $number } resolved.
question-addition-for-you = ➕ More from the Desmigratif officer on question no. { $number }:
question-correction-for-you = ✏️ Correction from the Desmigratif officer on question no. { $number }. It replaces the earlier answer:
question-closed-for-you-elsewhere = 🗂️ An officer closed question no. { $number } because it was dealt with outside this chat. If you still need help, tap «Follow up».
question-closed-for-you-duplicate = 🗂️ An officer closed question no. { $number } because it is the same as another question of yours. The answer will come on that other question. If this is a different matter, tap «Follow up».

# For officers.
question-standing-waiting = ⏳ waiting, nobody has taken it ({ $level })
question-standing-taken = ✋ taken by { $taker }
question-standing-closed = 🗂️ closed: { $reason }
question-closed-resolved = the asker marked it resolved
question-closed-elsewhere = dealt with elsewhere
question-closed-duplicate = a duplicate
question-closed-spam = spam
question-button-answer = ✍️ Answer
question-button-close = 🗂️ Close
question-button-hand-back = ↩️ Hand back
question-button-pass-up = ⏫ Pass up a level
question-button-addition = ➕ Add to the answer
question-button-correction = ✏️ Correct the answer
question-button-see = 👁️ See no. { $number }
question-button-close-elsewhere = Dealt with elsewhere
question-button-close-duplicate = A duplicate
question-button-close-spam = 🚫 Spam (nobody is told)
question-answer-prompt = ✍️ Write the answer to question no. { $number } in one message. It goes out as «the Desmigratif officer».
question-answer-text-only = An answer can only be text.
question-answer-closed = Question no. { $number } is closed. Your answer was not sent. If the asker writes again, it opens again.
question-answer-already-amend = If something needs adding or putting right, tap a button below.
question-answer-already-kept = Your words are kept. Send them as an addition to that answer, or as a correction of it?
question-addition-prompt = ➕ Write what to add to the answer of question no. { $number }. The asker gets it as «More from the Desmigratif officer».
question-correction-prompt = ✏️ Write the right answer to question no. { $number }. The asker gets it as «Correction from the Desmigratif officer».
question-amend-nothing = Question no. { $number } has no answer yet, so there is nothing to add to or correct. Tap «Answer».
question-addition-sent = ✅ The addition to question no. { $number } has been sent.
question-correction-sent = ✅ The correction to question no. { $number } has been sent.
question-close-why = 🗂️ Why are you closing question no. { $number }? The asker is told, except for spam.
question-closed-done = 🗂️ Question no. { $number } is closed ({ $reason }).
question-closed-already = Question no. { $number } is already closed.
question-not-yours = Question no. { $number } is not one you have taken.
question-handed-back = ↩️ You handed back question no. { $number }. It waits for another officer again.
question-notice-handed-back =
    ↩️ Question no. { $number } was handed back by the officer who had it, and is waiting again.
    From: { $who }
question-pass-up-not = Question no. { $number } cannot be passed up (it is already with the central team, or no longer open).
question-passed-up = ⏫ Question no. { $number } was passed to { $level }.
question-notice-passed-up =
    ⏫ Question no. { $number } was passed up to you by an officer below.
    From: { $who }
question-notice-together =
    { $count ->
        [one] 📥 There is 1 new message in the questions inbox. Tap the button below to see it.
       *[other] 📥 There are { $count } new messages in the questions inbox. Tap the button below to see them.
    }
inbox-button-notices-each = 🔔 Tell me of each question at once
inbox-button-notices-together = 🔕 Group notices (at most every 15 minutes)
inbox-notices-each = 🔔 Done. You will hear of each new question as it comes.
inbox-notices-together = 🔕 Done. New questions are told together, at most every 15 minutes. Urgent cases still come at once.

# Admins correct the emergency contacts in the bot (engine/pillars/emergency_fix.rs).
emergency-line-fixed = ✏️ Corrected by an officer on { $date }
emergency-fix-button = ✏️ Correct the contacts on this page
emergency-fix-choose = ✏️ Which contact needs correcting ({ $place })?
emergency-fix-national-hint = The national lines (KP2MI, the Foreign Ministry) are corrected under «Indonesia».
emergency-fix-none = The bot has no contacts for this place yet. New contacts are added, with their source, in the files of data/emergency/.
emergency-fix-entry = { $name }
emergency-fix-source = Where the file's data comes from: { $source } (checked { $checked }).
emergency-fix-which = Which part needs correcting?
emergency-fix-field-phone = 📞 Phone
emergency-fix-field-hotline = 🆘 Hotline
emergency-fix-field-whatsapp = 💬 WhatsApp
emergency-fix-field-address = 📍 Address
emergency-field-phone = phone
emergency-field-hotline = hotline
emergency-field-whatsapp = WhatsApp
emergency-field-address = address
emergency-fix-prompt =
    ✏️ { $name }, { $field }: send one message of two lines:
    line 1: the new value (or { $clear } if it should no longer be shown),
    line 2: where it comes from (an official page's address, or «phoned the embassy or consulate on …»).
emergency-fix-need-source = Please write two lines: the value on the first, its source on the second. Without a source, the number is not shown.
emergency-fix-too-long = Too long: the value may have at most { $value } characters, the source { $source }.
emergency-fix-saved = ✅ Saved. The emergency page now shows the new value.
emergency-fix-reset = ↩️ Back to the file's data
emergency-fix-reset-done = ↩️ This contact is as in the file again.
question-taken-you-top = ✋ Question no. { $number } is yours to answer.
question-standing-taken-you = ✋ taken by you
question-inbox-taken = ✋{" "}
question-who-english = {" "}· 🇬🇧 writes in English
question-notice-reopened =
    🔓 Question no. { $number } is open again: the asker wrote after it was closed.
    From: { $who }
held-faq = One of the answers below may help. Tap one to read it.
held-faq-still = Not answered? Tap «📨 Send to an officer»: your message goes as it is.
emergency-fix-was = ✏️ { $field } corrected on { $date }: { $value } (source: { $source })
emergency-fix-hidden = no longer shown
