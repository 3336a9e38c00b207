# Konsol web petugas: tautan masuk dari bot, dan halaman-halamannya.

command-console = Tautan masuk ke konsol web (staf)
console-link =
    🖥️ Tautan masuk ke konsol web petugas:
    { $link }

    Buka di browser laptop atau HP. Tautan ini hanya bisa dipakai sekali dan berlaku { $minutes } menit. Jangan bagikan ke siapa pun: siapa pun yang membukanya masuk sebagai Anda.
console-link-button = 🖥️ Buka konsol
console-link-off = Konsol web tidak dinyalakan di server ini. Minta pengelola server mengatur CONSOLE_LISTEN.
console-link-too-many = Anda sudah meminta { $count } tautan dalam satu jam terakhir. Pakai tautan yang terakhir, atau coba lagi nanti.

console-name = Konsol Desmigratif
console-skip = Langsung ke isi halaman
console-nav = Menu konsol
console-nav-overview = Ringkasan
console-nav-questions = Pertanyaan
console-nav-sessions = Sesi saya
console-language-switch = Bahasa Indonesia
console-log-out = Keluar
console-back-home = Kembali ke ringkasan
console-not-found = Tidak ditemukan
console-not-found-body = Halaman ini tidak ada, atau bukan bagian dari wilayah Anda.
console-failure = Maaf, ada gangguan
console-failure-body = Halaman ini tidak bisa dibuka sekarang. Tidak ada yang berubah. Coba lagi sebentar lagi.
console-forged = Formulir tidak dikenali
console-forged-body = Halaman ini sudah lama dibuka atau tidak berasal dari konsol, jadi tidak ada yang dilakukan. Muat ulang halaman, lalu coba lagi.
console-bad-form = Isian tidak lengkap
console-bad-form-body = Ada isian yang kosong atau tidak sesuai, jadi tidak ada yang dilakukan. Kembali, periksa isiannya, lalu coba lagi.

console-login-title = Masuk ke konsol
console-login-how = Untuk masuk, kirim /konsol ke bot Desmigratif di Telegram. Bot mengirim tautan yang berlaku 10 menit.
console-login-confirm = Tekan tombol di bawah untuk masuk. Setelah itu, tautan ini tidak bisa dipakai lagi.
console-login-button = Masuk
console-login-spent = Tautan tidak berlaku
console-login-spent-body = Tautan ini sudah dipakai atau sudah lewat 10 menit. Kirim /konsol ke bot untuk tautan baru.
console-login-busy = Terlalu banyak percobaan
console-login-busy-body = Terlalu banyak percobaan masuk dalam waktu singkat. Tunggu satu menit, lalu buka tautannya lagi.

console-sessions-title = Sesi saya
console-sessions-intro = Browser tempat Anda masuk ke konsol. Sesi berakhir sendiri setelah 12 jam tidak dipakai.
console-sessions-browser = Browser
console-sessions-started = Waktu masuk
console-sessions-last = Terakhir dipakai
console-sessions-actions = Tindakan
console-sessions-this = (browser ini)
console-sessions-end = Keluar di browser itu
console-sessions-end-all = Keluar dari semua browser
console-sessions-ended = Sesi itu sudah diakhiri.

console-overview-title = Ringkasan wilayah Anda
console-overview-figures = Angka utama
console-overview-people = orang yang terdaftar di wilayah Anda
console-overview-users = orang yang pernah memakai bot
console-overview-this-week = mendaftar dalam 7 hari terakhir
console-overview-open = pertanyaan terbuka
console-overview-waiting = belum diambil petugas
console-overview-urgent = kasus darurat terbuka
console-overview-weeks = Pendaftaran per minggu (12 minggu terakhir)
console-overview-roles = Terdaftar sebagai
console-overview-no-one = Belum ada yang terdaftar di wilayah Anda.
console-number = { $n }

console-questions-title = Pertanyaan
console-questions-filters = Saring pertanyaan
console-questions-count = { $count } pertanyaan
console-filter-open = Terbuka
console-filter-urgent = 🆘 Darurat
console-filter-waiting = Belum diambil
console-filter-mine = Yang saya tangani
console-filter-answered = Sudah dijawab
console-filter-closed = Ditutup
console-col-number = No.
console-col-status = Status
console-col-village = Desa
console-col-waited = Menunggu
console-col-latest = Pesan terakhir
console-question-number = Pertanyaan no. { $number }
console-question-yours = (Anda)
console-pages = Halaman
console-page-previous = Sebelumnya
console-page-next = Berikutnya
console-page-of = Halaman { $page } dari { $pages }
console-ago-now = baru saja
console-ago-minutes = { $n } menit
console-ago-hours = { $n } jam
console-ago-days = { $n } hari
console-question-about = Tentang pertanyaan ini
console-question-urgent = Kasus darurat
console-question-earlier = Pertanyaan lain dari orang ini:
console-question-actions = Yang bisa dilakukan
console-question-nothing-to-do = Pertanyaan ini sudah ditutup. Bila penanya menulis lagi, pertanyaan dibuka kembali.
console-entry-asker = Penanya
console-entry-officer = Jawaban petugas
console-entry-addition = Tambahan petugas
console-entry-correction = Koreksi petugas
console-entry-forwarded = diteruskan dari { $origin }
console-answer-label = Jawaban Anda (dikirim ke penanya di Telegram sebagai «Petugas Desmigratif»)
console-send = Kirim
console-close = Tutup pertanyaan
console-back-inbox = Kembali ke daftar pertanyaan

console-nav-people = Orang
console-people-title = Orang di wilayah Anda
console-people-search-label = Awal nama, atau nomor HP lengkap
console-people-search = Cari
console-people-many = Lebih dari { $count } orang. Ketik lebih banyak huruf dari namanya.
console-people-count = { $count } orang ditemukan
console-col-name = Nama
console-col-role = Terdaftar sebagai
console-col-phone = Nomor HP
console-col-registered = Terdaftar
console-person-profile = Profil
console-person-signups = Pelatihan yang diikuti
console-person-questions = Pertanyaan
console-person-application = Pendaftaran anggota koperasi
console-person-none = Belum ada.
console-back-people = Kembali ke pencarian

console-nav-applications = Koperasi
console-applications-title = Pendaftaran anggota koperasi
console-applications-count = { $count } pendaftaran
console-applications-none = Tidak ada pendaftaran di sini.
console-col-applied = Tanggal daftar
console-col-actions = Ubah status

console-nav-audit = Catatan kegiatan
console-audit-title = Catatan kegiatan petugas
console-audit-intro = Siapa melakukan apa dan kapan, yang terbaru di atas. Hanya admin yang bisa melihat halaman ini.
console-col-when = Kapan
console-col-officer = Petugas
console-col-action = Kegiatan
console-col-detail = Rincian

console-nav-exports = Unduh data
console-exports-title = Unduh data (CSV)
console-exports-area = Berkas hanya berisi orang di wilayah Anda. Setiap unduhan dicatat. Simpan berkas di tempat yang aman dan hapus bila sudah tidak dipakai.
console-export-too-big = Berkas terlalu besar
console-export-too-big-body = Berkas ini lebih dari 50 MB walau sudah di-ZIP, jadi tidak dibuat. Hubungi pengelola server.
console-overview-as-of = Angka per { $time }; dihitung ulang paling lama tiap menit.
console-answer-empty = Jawabannya masih kosong. Tulis jawaban dulu, lalu tekan Kirim.
console-applications-filters = Saring pendaftaran

console-nav-trainings = Pelatihan
console-trainings-title = Pelatihan di wilayah Anda
console-trainings-when = Pilih pelatihan
console-trainings-upcoming = Yang akan datang
console-trainings-past = Yang sudah lewat
console-trainings-none = Belum ada pelatihan di sini.
console-col-training = Pelatihan
console-col-starts = Mulai
console-col-seats = Kursi
console-trainings-seats = { $booked } dari { $capacity } kursi terisi, { $waiting } menunggu
console-trainings-participants = Peserta dan daftar tunggu
console-trainings-cancel-warning = Semua yang sudah mendaftar akan diberi tahu lewat Telegram bahwa pelatihan ini batal. Ini tidak bisa dibatalkan.
console-trainings-cancel-confirm = Ya, batalkan pelatihan ini
console-back-trainings = Kembali ke daftar pelatihan
