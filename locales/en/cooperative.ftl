# Applying to join the Desmigratif cooperative, where an application stands, and the
# cooperative's contacts as officers keep them.

coop-button-join = ✋ I want to join
coop-button-my-application = 📋 My application
coop-button-send = ✅ Send the application
coop-button-agree = ✅ I agree
coop-button-apply-again = 🔁 Apply again
coop-button-share-phone = 📱 Send my phone number
coop-button-edit-contacts = ✏️ Edit contacts (officers)

coop-consent =
    To join the cooperative, the officers need your name and phone number. Desmigratif officers use them only for cooperative matters.
    You can see your data with /mydata. You can erase all your data with /delete.
    Do you agree?
coop-confirm-profile =
    I will send these details to the cooperative officers:
    Name: { $name }
    Phone: { $phone }
    Village: { $village }
    Send them now?
coop-ask-name = What is your full name?
coop-name-too-short = That name is too short. Please write your full name, at least 2 letters.
coop-name-too-long = That name is too long. Please write at most 80 characters.
coop-name-digits = A name cannot contain digits.
coop-name-not-letters = A name can only have letters, spaces, dots, commas, hyphens and apostrophes.
coop-name-text-only = Please write your name as text.
coop-ask-phone = What is your phone number? Tap the button below to send your number, or type it (for example 0812-3456-7890). Type /cancel to stop.
coop-phone-not-a-number = That is not a phone number. Please write just the digits, for example 0812-3456-7890.
coop-phone-too-short = That number is too short. Please check it, for example 0812-3456-7890.
coop-phone-too-long = That number is too long. Please check it, for example 0812-3456-7890.
coop-phone-not-yours = That is someone else's contact. Tap the button below to send your own number, or type it.
coop-phone-text-only = Please type your phone number, or tap the button below.
coop-applied = ✅ Thank you! Your application has gone to the officers.

coop-status-applied = sent
coop-status-contacted = contacted by an officer
coop-status-member = member
coop-status-declined = not accepted
coop-application =
    📋 Cooperative application no. { $number }
    Status: { $status }
    Sent: { $applied }
    Name: { $name }
    Phone: { $phone }
coop-application-applied = An officer will get in touch. You will be told here when the status changes.
coop-application-contacted = An officer has tried to reach you on your phone number. If you have had no call or message, use «Ask an officer».
coop-application-member = 🎉 Congratulations, you are a member of the cooperative!
coop-application-declined = This application was not accepted. Ask an officer why, or apply again.
coop-status-changed = 📋 Your cooperative application no. { $number } is now: { $status }.

# For officers.
coop-village-unknown = (not known)
coop-notice =
    🤝 Application to join the cooperative, no. { $number }
    Name: { $name }
    Phone: { $phone }
    Village: { $village }
    Status: { $status }
coop-button-set-contacted = 📞 Contacted
coop-button-set-member = ✅ Member
coop-button-set-declined = ❌ Not accepted
coop-status-set = Status set: { $status }
coop-status-unchanged = The status already is: { $status }
coop-application-gone = This application no longer exists.

coop-contacts-current =
    { $contacts }

    (updated { $updated })
coop-contacts-none = The officers have not added the cooperative's contacts and office hours yet. Please ask through «Ask an officer».
coop-contacts-prompt = Send the cooperative's new contacts and office hours in one message (at most { $max } characters): for example the board members' names, phone numbers, address, opening hours and the next meeting. Send { $clear } to clear them.
coop-contacts-text-only = Please send the contacts as text.
coop-contacts-too-long = That text is too long: at most { $max } characters.
coop-contacts-saved = ✅ The cooperative's contacts have been updated.
coop-notice-escalated = ⏫ Nobody took cooperative application no. { $number } for { $hours } hours, so it now comes to you.
coop-taken-by = ✋ Cooperative application no. { $number } was taken by { $taker }.

# /applications: the cooperative's applications, by status.
command-applications = Cooperative applications by status (staff)
applications-title-open = 🤝 Applications not settled yet (sent or contacted): { $count }, the oldest first. Page { $page } of { $pages }.
applications-title-applied = 🤝 Applications sent, nobody has contacted them yet: { $count }. Page { $page } of { $pages }.
applications-title-contacted = 🤝 Applications contacted: { $count }. Page { $page } of { $pages }.
applications-title-member = 🤝 Accepted as members: { $count }, the latest first. Page { $page } of { $pages }.
applications-title-declined = 🤝 Not accepted: { $count }, the latest first. Page { $page } of { $pages }.
applications-empty = None here.
applications-line = No. { $number } · { $village } · { $status } · sent { $applied }
applications-button-number = No. { $number }
applications-button-open = 🤝 Not settled
applications-button-applied = 📨 Sent
applications-button-contacted = 📞 Contacted
applications-button-member = ✅ Members
applications-button-declined = ❌ Not accepted
