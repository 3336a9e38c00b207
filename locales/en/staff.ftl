# The programme's staff: admins, regency coordinators, village officers (/officers), invitations, contact cards, «My village officer».

command-officers = Staff, invitations, programme villages (staff)
menu-button-my-officer = 🧑‍💼 My village officer

staff-role-admin = Admin
staff-role-coordinator = Regency coordinator
staff-role-officer = Village officer


staff-home = You: { $role } — { $areas }.
staff-can-admin =
    As an admin you can:
    • invite and remove admins, coordinators and village officers;
    • mark the Desmigratif programme's villages;
    • use every officers' tool for all of Indonesia: questions, the cooperative, announcements, trainings, statistics, exports.
staff-can-coordinator =
    As a coordinator you can:
    • see and answer the questions of your regency's people (/inbox), with their name, role and village; questions no village officer takes within { $hours } hours come to you;
    • handle the cooperative applications from your regency the same way;
    • invite and remove the village officers of your regency or city;
    • make and manage trainings for your regency (/newtraining);
    • send announcements to the registered people of your regency (/broadcast);
    • see the figures of your regency and download its people's data (/stats, /export);
    • appear as the contact under «My village officer» for villages without an officer.
    You do not see the people of other regencies.
staff-can-officer =
    As a village officer you can:
    • receive and answer the questions of your village's people (/inbox), with their name, role and village; tap «I'll take it» so nobody else needs to. Questions nobody takes within { $hours } hours go to the coordinator;
    • handle the cooperative applications from your village the same way;
    • make and manage trainings for your village (/newtraining);
    • send announcements to the registered people of your village (/broadcast);
    • see the figures of your village and download its people's data (/stats, /export);
    • appear as the contact under «My village officer» for the people of your village, with a contact card you fill in yourself (not your Telegram account).
    You do not see the people of other villages.

staff-button-home = 🧑‍💼 Staff menu
staff-button-list = 👥 Staff list
staff-button-invite = ➕ Invite
staff-button-invitations = ✉️ Open invitations
staff-button-programme = 🏘️ Programme villages
staff-button-card = 🪪 My contact card
staff-button-remove = 🚫 Remove rights
staff-button-remove-confirm = 🚫 Yes, remove their rights
staff-button-accept = ✅ Accept
staff-button-decline = No, thank you
staff-button-cancel-invitation = 🚫 Withdraw invitation no. { $number }
staff-button-mark = ➕ Mark a programme village
staff-button-unmark = ➖ { $village }

staff-type-it = Please type the answer as text.
staff-outside-area = Sorry, that is outside your area.

staff-invite-choose-role = Whom would you like to invite?
staff-invite-as-officer = 🏡 Village officer
staff-invite-as-coordinator = 🗺️ Regency coordinator
staff-invite-as-admin = 🛡️ Admin
staff-invite-ask-village = Type the name of this officer's village (a few letters are enough).
staff-invite-ask-regency = Type the name of this coordinator's regency or city.
staff-invited =
    ✉️ Invitation no. { $number }: { $role } — { $area }.
    Send this link to that person only. It works once, until { $expires }:
    { $link }
staff-invited-qr = QR code of invitation no. { $number }: print it or show it, and scan it with a phone camera.
staff-invited-next = An invitation can be withdrawn under «✉️ Open invitations» until it is used.
staff-invitations-title = Invitations not used yet:
staff-invitation-line = • No. { $number }: { $role } — { $area } (valid until { $expires })
staff-invitations-none = There are no open invitations.
staff-invitation-cancelled = Invitation no. { $number } has been withdrawn. Its link no longer works.

staff-invitation-offer = You are invited to be { $role } — { $area }. The invitation is valid until { $expires }.
staff-invitation-offer-ask = Do you accept it?
staff-invitation-unknown = This invitation link is not known. Please ask the person who invited you for a new one.
staff-invitation-used = This invitation link has been used. Each link is for one person. Please ask for a new one if needed.
staff-invitation-revoked = This invitation has been withdrawn. Please ask the person who invited you.
staff-invitation-expired = This invitation is more than 7 days old. Please ask the person who invited you for a new link.
staff-invitation-declined = All right, the invitation is not accepted. The link still works until it expires.
staff-invitation-taken = ✅ Invitation no. { $number } was accepted: { $role } — { $area }.
staff-welcome = Welcome! You are now { $role } — { $area }.
staff-welcome-card = Please fill in your contact card: a name, an office phone or WhatsApp, your hours and an address. People see it under «My village officer».

staff-list-title = Staff: { $count } people.
staff-list-configured = Plus { $count } admins from the server settings (ADMIN_IDS), who cannot be removed here.
staff-list-line = • { $role }: { $name } — { $areas }
staff-list-more = …and { $count } more.
staff-member-name = { $name }
staff-member-unnamed = (no name yet, ID { $id })
staff-member =
    { $role }: { $name }
    Area: { $areas }
    Since: { $since }
staff-remove-ask = Remove the rights of { $name }? They end at once, and the person is told.
staff-removed = The rights are removed.
staff-removed-notice = Your rights as Desmigratif staff in this bot have been removed. Thank you for your help.

staff-programme = Desmigratif programme villages: { $count }. They come first when people search for their village. Tap ➖ to unmark one.
staff-programme-ask = Type the name of the village to mark as a programme village. For many at once, send a CSV file: the village code in the first column (for example: 32.12.16.2004), one village per line.

staff-card-title = Your contact card:
staff-card =
    👤 { $name }
    📞 { $phone }
    🕘 { $hours }
    📍 { $address }
staff-card-empty = (not filled in)
staff-card-who-sees = People in your area see this card under «My village officer» once the name or phone is filled in. Your Telegram account is not shown.
staff-card-configured-admin = Admins from the server settings have no contact card. People see the cards of village officers and coordinators, or the national hotlines.
staff-card-edit-name = ✏️ Name
staff-card-edit-phone = ✏️ Phone/WA
staff-card-edit-hours = ✏️ Hours
staff-card-edit-address = ✏️ Address
staff-card-ask-name = Type the name people may see, for example «Ibu Sari, Desmigratif officer of Kenanga» (at most { $max } letters). Type { $clear } to clear it.
staff-card-ask-phone = Type the office phone or service WhatsApp number, for example 0812-3456-7890. Type { $clear } to clear it.
staff-card-ask-hours = Type your service hours, for example «Monday–Friday 08.00–15.00» (at most { $max } letters). Type { $clear } to clear it.
staff-card-ask-address = Type the office address, for example «Balai Desa Kenanga, Jl. Raya Sindang 1» (at most { $max } letters). Type { $clear } to clear it.
staff-card-length = Please write between 2 and { $max } letters.
staff-card-phone = That is not a phone number. Please write just the digits, for example 0812-3456-7890.
staff-card-saved = ✅ Saved.

staff-mine-officers = Village officers of { $village }:
staff-mine-coordinators = { $village } has no officer in this bot yet. The coordinators of { $regency }:
staff-mine-nobody = { $village } has no officer or coordinator in this bot yet.
staff-mine-no-village = I do not know your village for sure yet, so I cannot show its officers. Choose your village under «👤 Registration & my profile».
staff-mine-unregistered = Village officers are shown by your village. Please register first under «👤 Registration & my profile».
staff-mine-national = KP2MI national service: phone 0800-1000 (free, from Indonesia), +62 21 2924 4800 (from abroad), WhatsApp 0811-8080-141. Suspected human trafficking: police 110.
staff-programme-file-done = ✅ The { $listed } villages in the file are programme villages now ({ $marked } newly marked).
staff-programme-file-problems =
    Nothing marked yet: { $count } lines have problems. Fix them and send the file again.
    { $list }
staff-programme-file-line = • Line { $line }: «{ $cell }» is not a village code (for example: 32.12.16.2004).
staff-programme-file-unknown = • { $code } is not in the list of villages.
staff-programme-file-unread = The file could not be read. Please send the CSV file (1 MB at most) again.

# Who answers for it now.
staff-level-village = the village officers
staff-level-regency = the regency coordinators
staff-level-country = the central team
