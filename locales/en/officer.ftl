# Figures and exports for officers.

stats-computing = 📊 Counting the figures; they will appear here in a moment…
stats-summary =
    📊 Figures
    Users: { $users } (active { $active }, blocked the bot { $blocked })
    Language: Indonesian { $id } · English { $en }
    Registered: { $registered } (returnees { $returnee }, families { $family }, prospective { $prospective })
    New registrations: { $week } in 7 days, { $month } in 30 days
stats-villages = Top villages: { $list }
stats-village = { $village } ({ $count })
stats-week = { $date }
stats-role-returnee = Returnees
stats-role-family = Families
stats-role-prospective = Prospective
stats-chart-weeks = Registrations per week
stats-chart-roles = Registered by role
stats-area-country = 🇮🇩 All of Indonesia
stats-area = 📍 Your area: { $areas }
stats-by-regency =
    By regency (time to a first answer: the median of the last { $days } days):
    { $list }{ $more ->
        [0] {""}
       *[other] {"\u000A"}…and { $more } more (all of them in /export)
    }
stats-by-village =
    By village (time to a first answer: the median of the last { $days } days):
    { $list }{ $more ->
        [0] {""}
       *[other] {"\u000A"}…and { $more } more (all of them in /export)
    }
stats-area-row = • { $area }: { $registered } registered · { $seats } seats · { $open } open, { $overdue } over { $hours } h · { $median }
stats-median-none = no answer yet
stats-minutes = { $n } min
stats-hours = { $n } h
stats-days = { $n } days
stats-bar = { $label }
stats-chart-regencies = Registered by regency
stats-chart-villages = Registered by village
stats-chart-caption = Registrations over the last 12 weeks, and by role.

export-choose = Which data would you like? CSV files open in Excel or Google Sheets.
export-button-registrations = 📄 Registrations
export-coming = Preparing the file…
export-failed = Sorry, the file could not be made. Please try again.
export-too-big = Sorry, this file is too big to send in Telegram (over 50 MB, even zipped).
export-zipped = The file was large, so it comes zipped (ZIP). Open it to find the CSV inside.
stats-questions = Questions waiting for an answer: { $count }
stats-trainings = Next trainings (booked/seats): { $list }
stats-training = { $title } { $booked }/{ $capacity }{ $waiting ->
        [0] {""}
       *[other] {" "}(+{ $waiting } waiting)
    }

# The officers' group (ADMIN_CHAT_ID) when it has other members too, or is not checked yet: no personal data.
officers-group-not-private = 🔒 This group has members who are not officers (or has not been checked yet), so personal data is not shown here. Please open it in your private chat with the bot.
officers-group-open-bot = 💬 Open the chat with the bot
question-notice-group = ❓ A new message for question no. { $number }. What it says is shown only in officers' private chats with the bot. To answer, reply to this message.
coop-notice-group = 🤝 A new cooperative membership application, no. { $number }. The details are in officers' private chats with the bot.
