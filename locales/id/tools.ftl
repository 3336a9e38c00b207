## Alat petugas di menu utama (tiap tombol sama dengan perintahnya)

menu-tool-bc = 📣 Kirim pengumuman
menu-tool-newtr = ➕ Pelatihan baru
menu-tool-stats = 📊 Statistik
menu-tool-export = 📄 Unduh data
menu-tool-staff = 👥 Petugas
menu-tool-console = 💻 Buka konsol web
help-text-short = Warga melihat tombol yang sama dengan menu utama Anda, tanpa alat petugas. Ketik /menu kapan saja; /batal berhenti dari langkah ini.
