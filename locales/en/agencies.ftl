## "Is this agency licensed?" (/agency): the official list of licensed placement companies (P3MI)

agency-button-ask = 🏢 Check a company's licence
agency-button-again = 🔎 Check another name
agency-button-check-message = 🏢 Check the companies in this message
agency-button-mark = 🚩 Mark as reported: { $name }
agency-button-unmark = ↩️ Remove the mark: { $name }

agency-ask =
    Type the name of the placement company (P3MI) you want to check. Part of the name is fine, for example: Maju Jaya.
    Its licence number works too.
agency-ask-text = Please type the company's name or licence number (not a photo or a voice message).
agency-too-short = That name is too short. Type at least 3 letters of the company's name (without "PT").
agency-too-long = That is too long. Type just the company's name (at most { $max } characters).

agency-found = On the official list of P3MI:
agency-found-many = { $count } companies match. Here are the { $shown } closest. Type more of the name to narrow it down.
agency-similar = "{ $name }" is not on the list. Similar names:
agency-check-letters = ⚠️ Compare the name letter by letter with the name on the letter, advert or message you received. A similar name is not necessarily the same company.
agency-similar-listed = The list has a similar name, but not the same one:
agency-entry-active =
    ✅ { $name }
    Licence: ACTIVE. Licence number: { $licence }
    { $address }
agency-entry-suspended =
    ⏸️ { $name }
    Licence: SUSPENDED (on the list of { $date }). Licence number: { $licence }
    { $address }
    While its licence is suspended, do not sign up or pay through this company.
agency-entry-revoked =
    ⛔ { $name }
    Licence: REVOKED (on the list of { $date }). Licence number: { $licence }
    { $address }
    Do not sign up, pay or hand over documents through this company.
agency-address = Address: { $address }
agency-no-address = Address: not on the list.
agency-reported = 🚩 Desmigratif officers have received a report about a company of this name ({ $date }). Ask an officer before you sign up or pay.

agency-not-found =
    ⚠️ "{ $name }" is not on the list of licensed P3MI that I have.
    The name may be written differently, or the company may have no licence. Do not pay anything, and do not hand over your ID card, passport or diploma, until you are sure.
agency-how-to-check =
    How to make sure, and how to report:
    1. Ask the manpower office (Disnaker) of your regency or city, or the nearest LTSA office.
    2. Call KP2MI on 0800-1000 (free), or WhatsApp 0811-8080-141.
    3. If someone recruits without a licensed company, report them to Disnaker, KP2MI or the police (110).
agency-no-list = The list of licensed P3MI has not been loaded into this bot yet, so I cannot check that name.
agency-list-date = 📅 This list is dated { $date }. The official list may have changed since. To be sure, ask Disnaker or KP2MI.

agency-in-message = The companies your message names:
agency-none-in-message = I found no company name in that message. Tap "🏢 Check a company's licence" and type the name.
agency-gone = That company is no longer on the new list. Please check again.
agency-marked = Marked as reported.
agency-unmarked = The mark is removed.
agency-unmark-not-yours = Another officer made this mark. Only they or an admin can remove it.

agency-import-admins-only = Only an admin can load the list of licensed P3MI.
agency-import-done = ✅ The list of licensed P3MI is loaded: { $count } companies, list dated { $date }. It replaces the old list.
agency-import-failed = This list was not loaded: { $count ->
        [one] there is 1 problem
       *[other] there are { $count } problems
    }, so the old list stays in use. Please fix and send it again.
agency-import-columns = The columns: name,licence_number,address,status,listed_on. status: active, suspended or revoked. listed_on: the date of the official list, for example 2026-11-30.
agency-import-no-rows = The file has no companies in it.
agency-import-empty = { $column } is empty.
agency-import-too-long = { $column } is longer than { $max } characters.
agency-import-status = status: use active, suspended or revoked.
agency-import-date = listed_on: the date cannot be read. Write it like 2026-11-30.
agency-import-ambiguous-date = listed_on: this date can be read two ways. Write it like 2026-11-30.
agency-import-future-date = listed_on: the date is after today.
agency-import-repeated = has the same licence number as line { $line }.

agency-status-active = active
agency-status-suspended = suspended
agency-status-revoked = revoked
