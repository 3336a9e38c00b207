# CSV files for officers (/export): column headers and values, read in Excel or LibreOffice.

export-column-user_id = Telegram ID
export-column-role = Role
export-column-full_name = Full name
export-column-phone = Phone
export-column-village = Village
export-column-district = Regency/city
export-column-country = Country (placement or destination)
export-column-years_abroad = Years abroad
export-column-sector = Sector of work
export-column-relation = Relation to the worker
export-column-worker_abroad = Worker now
export-column-interests = Interests
export-column-language = Language
export-column-status = Status
export-column-registered_at = Registered at
export-column-id = No.
export-column-booked = Booked
export-column-waiting = Waiting
export-column-training_id = Training no.
export-column-training = Training
export-column-starts_at = Starts
export-column-signup_status = Seat
export-column-position = Waitlist position
export-column-signed_up_at = Signed up at

export-role-returnee = Returned migrant worker (purna PMI)
export-role-family = Migrant worker's family
export-role-prospective = Prospective migrant worker (calon PMI)

export-status-active = active
export-status-blocked = blocked the bot

training-signup-booked = has a seat
training-signup-waiting = on the waitlist
