## The staff's tools in the main menu (each button does what its command does)

menu-tool-bc = 📣 Send an announcement
menu-tool-newtr = ➕ New training
menu-tool-stats = 📊 Statistics
menu-tool-export = 📄 Download data
menu-tool-staff = 👥 Officers
menu-tool-console = 💻 Open the web console
help-text-short = People see the same buttons as your main menu, without the staff's tools. Type /menu at any time; /cancel stops the current step.
