# The officers' web console: the log-in link from the bot, and its pages.

command-console = Log-in link to the web console (staff)
console-link =
    🖥️ Your link to the officers' web console:
    { $link }

    Open it in a laptop's or phone's browser. It works once, for { $minutes } minutes. Do not share it: whoever opens it is logged in as you.
console-link-button = 🖥️ Open the console
console-link-off = The web console is switched off on this server. Ask the server's administrator to set CONSOLE_LISTEN.
console-link-too-many = You asked for { $count } links in the last hour. Use the latest one, or try again later.

console-name = Desmigratif console
console-skip = Skip to the page's content
console-nav = Console menu
console-nav-overview = Overview
console-nav-questions = Questions
console-nav-sessions = My sessions
console-language-switch = English
console-log-out = Log out
console-back-home = Back to the overview
console-not-found = Not found
console-not-found-body = This page does not exist, or it is not part of your area.
console-failure = Sorry, something went wrong
console-failure-body = This page cannot be opened right now. Nothing was changed. Please try again in a moment.
console-forged = Form not recognised
console-forged-body = This page was open for too long or did not come from the console, so nothing was done. Reload the page and try again.
console-bad-form = Something is missing
console-bad-form-body = A field was empty or not as expected, so nothing was done. Go back, check the form and try again.

console-login-title = Log in to the console
console-login-how = To log in, send /console to the Desmigratif bot in Telegram. The bot sends a link that works for 10 minutes.
console-login-confirm = Press the button below to log in. The link cannot be used again after that.
console-login-button = Log in
console-login-spent = This link no longer works
console-login-spent-body = This link was used already or is older than 10 minutes. Send /console to the bot for a new one.
console-login-busy = Too many attempts
console-login-busy-body = Too many log-in attempts in a short time. Wait a minute, then open the link again.

console-sessions-title = My sessions
console-sessions-intro = The browsers you are logged in on. A session ends by itself after 12 hours without use.
console-sessions-browser = Browser
console-sessions-started = Logged in
console-sessions-last = Last used
console-sessions-actions = Actions
console-sessions-this = (this browser)
console-sessions-end = Log out that browser
console-sessions-end-all = Log out everywhere
console-sessions-ended = That session has ended.

console-overview-title = Your area at a glance
console-overview-figures = Key figures
console-overview-people = people registered in your area
console-overview-users = people who have used the bot
console-overview-this-week = registered in the last 7 days
console-overview-open = open questions
console-overview-waiting = not taken by an officer yet
console-overview-urgent = open urgent cases
console-overview-weeks = Registrations per week (last 12 weeks)
console-overview-roles = Registered as
console-overview-no-one = Nobody has registered in your area yet.
console-number = { $n }

console-questions-title = Questions
console-questions-filters = Filter questions
console-questions-count = { $count ->
    [one] 1 question
   *[other] { $count } questions
}
console-filter-open = Open
console-filter-urgent = 🆘 Urgent
console-filter-waiting = Not taken
console-filter-mine = Mine
console-filter-answered = Answered
console-filter-closed = Closed
console-col-number = No.
console-col-status = Status
console-col-village = Village
console-col-waited = Waiting
console-col-latest = Latest message
console-question-number = Question no. { $number }
console-question-yours = (you)
console-pages = Pages
console-page-previous = Previous
console-page-next = Next
console-page-of = Page { $page } of { $pages }
console-ago-now = just now
console-ago-minutes = { $n } min
console-ago-hours = { $n } h
console-ago-days = { $n } days
console-question-about = About this question
console-question-urgent = Urgent case
console-question-earlier = This person's other questions:
console-question-actions = What you can do
console-question-nothing-to-do = This question is closed. If the person writes again, it opens again.
console-entry-asker = Asker
console-entry-officer = Officer's answer
console-entry-addition = Officer's addition
console-entry-correction = Officer's correction
console-entry-forwarded = forwarded from { $origin }
console-answer-label = Your answer (sent to the person in Telegram as "Desmigratif officer")
console-send = Send
console-close = Close the question
console-back-inbox = Back to the questions

console-nav-people = People
console-people-title = People in your area
console-people-search-label = Start of the name, or the whole phone number
console-people-search = Search
console-people-many = More than { $count } people. Type more of the name.
console-people-count = { $count ->
    [one] 1 person found
   *[other] { $count } people found
}
console-col-name = Name
console-col-role = Registered as
console-col-phone = Phone
console-col-registered = Registered
console-person-profile = Profile
console-person-signups = Trainings signed up for
console-person-questions = Questions
console-person-application = Cooperative membership application
console-person-none = None yet.
console-back-people = Back to the search

console-nav-applications = Cooperative
console-applications-title = Cooperative membership applications
console-applications-count = { $count ->
    [one] 1 application
   *[other] { $count } applications
}
console-applications-none = No applications here.
console-col-applied = Applied
console-col-actions = Change the status

console-nav-audit = Audit log
console-audit-title = What officers did
console-audit-intro = Who did what and when, the latest first. Only admins can see this page.
console-col-when = When
console-col-officer = Officer
console-col-action = Action
console-col-detail = Detail

console-nav-exports = Download data
console-exports-title = Download data (CSV)
console-exports-area = The files hold the people of your area only. Every download is logged. Keep the files somewhere safe and delete them when no longer needed.
console-export-too-big = The file is too big
console-export-too-big-body = This file is over 50 MB even zipped, so it was not made. Please contact the server's administrator.
console-overview-as-of = Figures as of { $time }; counted again at most every minute.
console-answer-empty = The answer is empty. Write the answer first, then press Send.
console-applications-filters = Filter applications

console-nav-trainings = Trainings
console-trainings-title = Trainings in your area
console-trainings-when = Choose trainings
console-trainings-upcoming = Upcoming
console-trainings-past = Past
console-trainings-none = No trainings here yet.
console-col-training = Training
console-col-starts = Starts
console-col-seats = Seats
console-trainings-seats = { $booked } of { $capacity } seats taken, { $waiting } waiting
console-trainings-participants = Participants and waitlist
console-trainings-cancel-warning = Everyone with a seat or on the waitlist will be told in Telegram that this training is cancelled. After that, it cannot be opened again.
console-trainings-cancel-confirm = Yes, cancel this training
console-back-trainings = Back to the trainings

console-nav-broadcasts = Announcements
console-broadcasts-title = Announcements
console-broadcasts-none = No announcements yet.
console-broadcast-new = ✍️ Write an announcement
console-broadcast-new-title = Write an announcement
console-back-broadcasts = Back to the announcements
console-col-announcement = Text
console-col-audience = To
console-col-send-at = Sent at
console-col-delivered = Delivered
console-broadcast-words = The announcement
console-broadcast-words-hint = Write it in one language or both. People who use the other language get the version there is. At most 4,096 characters.
console-broadcast-audience = Recipients
console-broadcast-registered = Registered in your area: { $count } { $count ->
        [one] person
       *[other] people
    } (counted { $time }).
console-broadcast-audience-hint = Nothing chosen: everyone in your area. Several ticks in one group: matching any one of them is enough. Choices in different groups: a person must match all of them. The number in brackets: the registered people who match that choice alone. The exact number of recipients is in the preview.
console-broadcast-roles = Registered as
console-broadcast-languages = Language in the bot
console-broadcast-interests = Training interests
console-broadcast-countries = Destination country
console-broadcast-place = Place
console-broadcast-place-all = All of your area
console-broadcast-district = { $district } district, { $regency }
console-broadcast-training = People on a training
console-broadcast-training-any = Any, not limited to a training
console-broadcast-when = When to send
console-broadcast-now = Now
console-broadcast-later = Later, at:
console-broadcast-time = Date and time ({ $zone } time)
console-broadcast-time-format = The date and time could not be read. Choose a date and time in the field, for example 20/12/2026 09:00.
console-broadcast-preview = Preview
console-broadcast-preview-title = Preview of the announcement
console-broadcast-one-language = Every recipient gets this version.
console-broadcast-schedule = 🕘 Schedule for { $count } { $count ->
        [one] person
       *[other] people
    }
console-broadcast-edit = ✏️ Change
console-broadcast-drop = Cancel, do not send
console-broadcast-started = 📣 Announcement #{ $id } is being sent.
console-broadcast-title = Announcement #{ $id }
console-broadcast-progress = Sending progress
console-broadcast-waiting = This announcement will be sent on { $time }.
console-broadcast-stop-warning = Messages not sent yet will not be sent. Sending cannot be resumed after this.
console-broadcast-stop-confirm = Yes, stop sending
console-broadcast-recipients = Recipients
console-broadcast-done = Processed
console-broadcast-delivered = Delivered
console-broadcast-blocked = Blocked the bot
console-broadcast-failed = Failed
console-broadcast-unsent = Not sent

console-nav-officers = Officers
console-officers-title = Officers
console-officers-count = Staff in your area: { $count }
console-officers-none = No staff in your area yet.
console-officers-remove-warning = { $name }'s rights end at once, and the bot tells them. The questions they had taken go back to the queue.
console-officers-invitations = Open invitations
console-officers-invite = Invite an officer
console-officers-invite-role = As
console-officers-invite-place = Village (for a village officer) or regency or city (for a coordinator)
console-officers-invite-hint = Type a few letters of its name, or the village's code (for example 32.12.16.2004). For an admin, leave it empty.
console-officers-invite-button = Make an invitation link
console-officers-no-place = No place in your area matches «{ $typed }». Check the spelling, or type the village's code.
console-officers-which = More than one place matches. Choose one:
console-back-officers = Back to the officers
console-col-area = Area
console-col-since = Since
console-col-until = Valid until

console-trainings-new = ✍️ New training
console-trainings-edit = ✏️ Change
console-training-new-title = New training
console-training-edit-title = Change the training
console-training-about = About the training
console-training-when-where = When and where
console-training-area = For the area
console-training-which-area = Please choose the area of this training.
console-training-fix = Some fields need fixing. See the notes in red below.
console-training-english-optional = May stay empty: everyone then reads the Indonesian.
console-training-save = Save
console-training-edit-told = Once saved, everyone signed up or waiting is told of the change through the bot.
console-training-import = Import trainings from a CSV file
console-training-import-hint = One training per line, with the columns: { $columns }. Every line is saved, or none at all if there is a problem.
console-training-import-file = CSV file
console-training-import-button = Upload and import
console-file-too-big = The file is too big
console-file-too-big-body = A photo can be at most 5 MB and a CSV file at most 1 MB. Choose a smaller file (split a CSV into several), then try again.

console-overview-overdue = questions waiting more than { $hours } { $hours ->
        [one] hour
       *[other] hours
    }
console-overview-median = median time to the first answer (last { $days } days)
console-overview-seats-value = { $booked } / { $offered }
console-overview-seats = seats taken in trainings to come
console-overview-by-regency = By regency or city
console-overview-by-village = By village
console-col-registered-count = Registered
console-col-seats-taken = Seats booked by its people
console-col-open = Open questions
console-col-overdue = Overdue
console-col-median = First answer

console-people-village-label = Village (optional)
console-people-which-village = More than one village matches. Choose one:
console-people-in-village = Registered people of { $village }:
console-col-staff-role = Role
console-col-staff-actions = Actions

console-broadcast-stop-no = No, carry on
console-broadcast-cancel = ⏹ Stop this announcement
console-officers-invite-village = Village
console-officers-invite-hint-village = Type a few letters of the village's name, or its code (for example 32.12.16.2004).
console-broadcast-photo = Photo (optional)
console-broadcast-photo-hint = JPG or PNG, at most 5 MB. With a photo, the words are its caption: at most 1,024 characters.
console-broadcast-photo-chosen = The photo chosen
console-broadcast-photo-drop = Remove this photo
console-broadcast-with-photo = 📷 With a photo
