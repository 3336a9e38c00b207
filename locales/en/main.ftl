# Welcome, main menu, help, language, and answers to input the bot does not expect.

welcome-first =
    Welcome to the Productive Migrant Village (Desmigratif) service! 👋
    Here you can register, join trainings, learn about the village cooperative and ask the officers questions.
welcome-back = Welcome back! 👋
menu-title = Please choose what you need:
menu-registration-unfinished = Your registration is not finished. Tap «▶️ Continue registration» to carry on, or /cancel to stop.
menu-button-profile = 👤 Registration & my profile
menu-button-language = 🌐 Bahasa / Language
menu-button-help = ❓ Help

button-menu = ☰ Main menu
button-back = ⬅️ Back
button-cancel = ✖️ Cancel

help-text =
    How to use this bot: tap the buttons under the messages. There is no need to type anything.
    • 🆘 Emergency: when you or your family are in danger.
    • 💬 Ask an officer: write your question. An officer answers in this chat.
    • 📚 Trainings: see the trainings and join one.
    • /agency: check a placement company's licence before you sign up for work abroad.
    Type /menu at any time to get back to the menu, or /cancel to stop the current step.
help-officer =
    You are a Desmigratif officer. Officers' commands:
    /broadcast – send an announcement
    /stats – figures and a chart
    /export – download data (CSV)
    /inbox – questions waiting for an answer
    /answer NUMBER text – answer a question (or reply to the question's message)
    /newtraining – create a training step by step; send a CSV file to import many trainings at once

language-choose = Choose your language:
language-button-id = 🇮🇩 Bahasa Indonesia
language-button-en = 🇬🇧 English
language-set = All right, from now on I will use English.

cancel-done = All right, that step has been cancelled.
cancel-nothing = There is no step in progress.

hint-text = Sorry, I did not understand that. Please choose from the buttons below.
hint-command-unknown = I do not know that command. Please choose one of the buttons below, or type /help.
hint-sticker = Thanks for the sticker! 😊 I can only read buttons and text.
hint-voice = Sorry, I cannot listen to voice messages yet, but the officers can. Tap «💬 Ask an officer», then send your voice message again.
hint-media = Thank you! I do not need photos or videos right now.
hint-document = Thank you! I do not need files right now.
hint-location = Thank you! I do not need your location.
hint-contact = Thank you! I do not need a contact right now.
hint-forwarded = I do not act on forwarded messages. Please write to me directly or tap a button.
hint-other = Sorry, I cannot handle this kind of message.
button-expired = This button no longer works. Please start again from the menu.

officer-only = Sorry, this command is only for Desmigratif officers.
group-private-only = To keep your data safe, I only help in a private chat. Please write to me directly.
group-button-open = 💬 Open a private chat
error-generic = Sorry, something went wrong while handling your message. Please try again in a moment.

command-start = Start and welcome
command-menu = Main menu
command-language = Change language (Indonesian / English)
command-cancel = Leave the current step
command-help = Help
command-agency = Check a placement company's licence (P3MI)
command-register = Register as a returnee, family member or prospective worker
command-profile = See and change my profile
command-mydata = All my data, as a file
command-delete = Erase my data
command-broadcast = Send an announcement (officers)
command-stats = Figures and a chart (officers)
command-export = Download data as CSV (officers)
welcome-choose = Choose your language, or go straight to the menu:
