# Figures and exports for officers.

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
stats-chart-caption = Registrations over the last 12 weeks, and by role.

export-choose = Which data would you like? CSV files open in Excel or Google Sheets.
export-button-registrations = 📄 Registrations
export-coming = Preparing the file…
export-failed = Sorry, the file could not be made. Please try again.
stats-questions = Questions waiting for an answer: { $count }
stats-trainings = Next trainings (booked/seats): { $list }
stats-training = { $title } { $booked }/{ $capacity }{ $waiting ->
        [0] {""}
       *[other] {" "}(+{ $waiting } waiting)
    }
