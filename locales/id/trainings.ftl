# Pelatihan: daftar, detail, pendaftaran, daftar tunggu, pengingat, dan alat petugas.

command-trainings = Pelatihan yang akan datang dan pendaftaran saya
command-newtraining = Buat pelatihan baru (petugas)
menu-button-trainings = 📚 Pelatihan

training-category-business = Kewirausahaan
training-category-finance = Pengelolaan keuangan
training-category-digital = Keterampilan digital
training-category-coop = Koperasi
training-category-parenting = Pengasuhan anak
training-category-other = Lainnya

training-status-open = dibuka
training-status-closed = pendaftaran ditutup
training-status-cancelled = dibatalkan

## Daftar pelatihan

training-list-title = 📚 Pelatihan yang akan datang (halaman { $page } dari { $pages }):
training-list-item =
    { $number }. { $title }
    🗓️ { $time }
    📍 { $place }
    { $seats }
training-list-seats = 🪑 Sisa { $left } kursi
training-list-full = 🪑 Penuh, bisa masuk daftar tunggu
training-list-closed = 🔒 Pendaftaran ditutup
training-list-pick = Tekan nama pelatihan untuk melihat detail dan mendaftar.
training-list-empty = Saat ini belum ada pelatihan yang dibuka. Silakan cek lagi nanti, atau tunggu pengumuman dari petugas.
training-button-open = { $number }. { $title }
training-button-previous = ⬅️ Sebelumnya
training-button-next = Berikutnya ➡️
training-button-list = 📚 Daftar pelatihan
training-button-mine = 🎫 Pelatihan saya
training-button-details = 📄 Lihat pelatihan
training-button-title = 📄 { $title }

## Detail

training-detail =
    📚 { $title }
    🏷️ { $category }
    🗓️ { $time }
    📍 { $place }
training-seats-left = 🪑 Sisa { $left } dari { $capacity } kursi.
training-seats-full = 🪑 { $capacity ->
        [1] Kursinya sudah terisi.
       *[other] Semua { $capacity } kursi sudah terisi.
    } Daftar tunggu: { $waiting } orang.
training-description = { $text }
training-note-cancelled = ❌ Pelatihan ini dibatalkan.
training-note-started = Pelatihan ini sudah dimulai.
training-note-closed = 🔒 Pendaftaran pelatihan ini sudah ditutup.
training-you-booked = ✅ Anda sudah terdaftar di pelatihan ini.
training-you-waiting = ⏳ Anda di daftar tunggu, nomor { $position }.
training-not-found = Maaf, pelatihan itu tidak ditemukan. Silakan lihat daftar pelatihan.
training-button-sign-up = ✍️ Daftar
training-button-waitlist = ⏳ Masuk daftar tunggu
training-button-leave-seat = ✖️ Batalkan kursi saya
training-button-leave-waitlist = ✖️ Keluar dari daftar tunggu

## Mendaftar

training-register-first =
    Untuk ikut pelatihan "{ $title }", Anda perlu mendaftar dulu sebagai peserta Desmigratif. Cukup sekali saja.
    Ketik /daftar untuk mulai. Setelah selesai, saya tunjukkan lagi pelatihan ini supaya Anda bisa langsung mendaftar.
training-after-registration = Pendaftaran Anda selesai. Ini pelatihan yang tadi ingin Anda ikuti:
training-signed-up =
    ✅ Anda terdaftar di pelatihan "{ $title }"!
    🗓️ { $time }
    📍 { $place }
    Kami akan mengingatkan Anda sebelum pelatihan dimulai. Kalau berhalangan, batalkan kursi Anda lewat "Pelatihan saya" supaya orang lain bisa ikut.
training-waitlisted =
    Pelatihan "{ $title }" sudah penuh, jadi Anda masuk daftar tunggu nomor { $position }.
    Kalau ada kursi kosong, kursi itu langsung menjadi milik Anda dan kami kabari.
training-already-signed-up = Anda sudah terdaftar di pelatihan ini.
training-not-open = Maaf, pendaftaran pelatihan ini sudah ditutup.
training-not-signed-up = Anda tidak terdaftar di pelatihan ini.

## Pelatihan saya

training-mine-title = 🎫 Pelatihan Anda:
training-mine-item =
    { $title }
    🗓️ { $time }
    📍 { $place }
    { $status }
training-mine-booked = ✅ Terdaftar
training-mine-waiting = ⏳ Daftar tunggu nomor { $position }
training-mine-empty = Anda belum terdaftar di pelatihan mana pun. Lihat daftar pelatihan untuk mendaftar.
training-button-leave = ✖️ Batal

training-leave-seat-confirm = Batalkan kursi Anda di pelatihan "{ $title }" ({ $time })? Kursi itu akan diberikan kepada orang berikutnya di daftar tunggu.
training-leave-waitlist-confirm = Keluar dari daftar tunggu pelatihan "{ $title }" ({ $time })?
training-button-leave-yes = Ya, batalkan
training-button-keep = Tidak, tetap ikut
training-left-seat = Kursi Anda di pelatihan "{ $title }" sudah dibatalkan. Terima kasih sudah memberi kabar.
training-left-waitlist = Anda sudah keluar dari daftar tunggu pelatihan "{ $title }".

## Pesan kepada peserta

training-promoted =
    🎉 Kabar baik! Ada kursi kosong di pelatihan "{ $title }", dan sekarang kursi itu milik Anda.
    🗓️ { $time }
    📍 { $place }
    Kalau berhalangan, batalkan lewat "Pelatihan saya".
training-reminder =
    ⏰ Pengingat: pelatihan "{ $title }" dimulai { $time }.
    📍 { $place }
    Kalau tidak bisa datang, mohon batalkan kursi Anda supaya orang lain bisa ikut.
training-cancelled-notice = ❌ Mohon maaf, pelatihan "{ $title }" ({ $time }) dibatalkan. Lihat daftar pelatihan untuk pilihan lain.
training-changed-notice = ✏️ Ada perubahan pada pelatihan yang Anda ikuti. Ini keterangan terbarunya:

## Petugas: membuat pelatihan

training-new-intro = Mari membuat pelatihan baru. Saya akan bertanya satu per satu; tekan Batal kapan saja untuk berhenti. Untuk memasukkan banyak pelatihan sekaligus, kirim saja file CSV (minta contohnya dengan tombol di bawah).
training-ask-title-id = Tulis judul pelatihan dalam Bahasa Indonesia (3–80 huruf):
training-ask-title-en = Tulis judul pelatihan dalam Bahasa Inggris (3–80 huruf):
training-ask-category = Pilih kategori pelatihan:
training-ask-starts-at = Kapan pelatihan dimulai? Tulis tanggal dan jamnya, waktu { $zone }, misalnya { $example }
training-ask-location = Di mana tempatnya? (misalnya: Balai Desa Kenanga, Jl. Merdeka 5)
training-ask-capacity = Berapa kursi yang tersedia? Tulis angka dari 1 sampai 10.000:
training-ask-description-id = Tulis keterangan pelatihan dalam Bahasa Indonesia (10–1.000 huruf): apa yang dipelajari, apa yang perlu dibawa.
training-ask-description-en = Tulis keterangan pelatihan dalam Bahasa Inggris (10–1.000 huruf):

training-invalid-empty = Jawabannya masih kosong.
training-invalid-too-short = Terlalu pendek: paling sedikit { $min } huruf.
training-invalid-too-long = Terlalu panjang: paling banyak { $max } huruf.
training-invalid-category = Silakan pilih kategori dengan salah satu tombol di bawah.
training-invalid-time-format = Tanggal dan jam belum bisa saya baca. Tulis seperti ini: 20/12/2026 09.00 (tanggal/bulan/tahun jam.menit).
training-invalid-no-time = Jamnya belum ada. Tulis tanggal dan jamnya, misalnya 20/12/2026 09.00.
training-invalid-ambiguous = Tanggal itu bisa dibaca dua cara: 05/12 bisa berarti 5 Desember atau 12 Mei. Tulis bulannya dengan huruf, misalnya 5 Des 2026 09.00.
training-invalid-no-such-time = Jam itu tidak ada di zona waktu ini (jam dimajukan). Pilih jam lain.
training-invalid-past = Waktu itu sudah lewat. Pelatihan harus dimulai di masa depan.
training-invalid-not-a-number = Tulis angka saja, misalnya 25.
training-invalid-capacity-range = Jumlah kursi harus dari 1 sampai 10.000.
training-invalid-capacity-below-booked = Sudah ada { $booked } orang terdaftar, jadi jumlah kursi tidak boleh kurang dari { $booked }.
training-invalid-not-text = Mohon jawab dengan tulisan.

training-preview = Periksa sekali lagi. Kalau sudah benar, tekan Simpan; pelatihan langsung dibuka untuk pendaftaran.
training-preview-waiting = Pelatihan ini belum disimpan. Tekan Simpan, atau Batal.
training-preview-details =
    🇮🇩 { $title_id }
    🇬🇧 { $title_en }
    🏷️ { $category }
    🗓️ { $time }
    📍 { $place }
    🪑 { $capacity } kursi
training-preview-description-id = 🇮🇩 { $text }
training-preview-description-en = 🇬🇧 { $text }
training-button-save = 💾 Simpan
training-preview-area = 📍 Untuk: { $area }
training-preview-choose-area = 📍 Untuk wilayah mana? Pilih di bawah.
training-button-save-for = 💾 Simpan untuk { $area }
training-saved = ✅ Pelatihan disimpan dan dibuka untuk pendaftaran.

## Petugas: mengelola pelatihan

training-officer-summary = 👮 Status: { $status }. Terdaftar { $booked } dari { $capacity }, daftar tunggu { $waiting }.
training-officer-area = 📍 Pelatihan untuk: { $area }
training-officer-link = Tautan untuk poster atau kode QR: { $link }
training-button-new = ➕ Pelatihan baru
training-button-edit = ✏️ Ubah
training-button-participants = 👥 Daftar peserta
training-button-close = 🔒 Tutup pendaftaran
training-button-reopen = 🔓 Buka lagi pendaftaran
training-button-cancel-training = ❌ Batalkan pelatihan
training-button-template = 📄 Contoh file CSV

training-edit-choose = Apa yang ingin diubah dari pelatihan "{ $title }"? Semua peserta akan diberi tahu perubahannya.
training-edit-current = Sekarang: { $value }
training-edit-saved = ✅ Perubahan disimpan. { $people } peserta diberi tahu.
training-edit-unchanged = Tidak ada yang berubah.
training-cancelled-unchangeable = Pelatihan yang sudah dibatalkan tidak bisa diubah lagi.
training-field-title-id = Judul (Indonesia)
training-field-title-en = Judul (Inggris)
training-field-category = Kategori
training-field-starts-at = Waktu mulai
training-field-location = Tempat
training-field-capacity = Jumlah kursi
training-field-description-id = Keterangan (Indonesia)
training-field-description-en = Keterangan (Inggris)

training-closed = 🔒 Pendaftaran ditutup. Peserta yang sudah terdaftar tetap ikut.
training-reopened = 🔓 Pendaftaran dibuka lagi.
training-cancel-confirm = Batalkan pelatihan "{ $title }" ({ $time })? { $people } orang yang terdaftar atau menunggu akan diberi tahu. Ini tidak bisa diurungkan.
training-button-cancel-yes = Ya, batalkan pelatihan
training-button-keep-training = Tidak, jangan dibatalkan
training-cancelled-done = ❌ Pelatihan dibatalkan. { $people } orang diberi tahu.
training-participants-caption = Peserta "{ $title }" ({ $time }): { $booked } terdaftar, { $waiting } di daftar tunggu.

## Petugas: impor CSV

training-template-caption = Isi satu baris per pelatihan, simpan sebagai "CSV UTF-8", lalu kirim file itu ke sini. Kategori: business, finance, digital, coop, parenting, other. Waktu: TTTT-BB-HH JJ:MM.
training-import-done = ✅ { $count } pelatihan diimpor dan dibuka untuk pendaftaran.
training-import-failed = File ini tidak diimpor: ada { $count } masalah, jadi tidak ada yang disimpan. Perbaiki lalu kirim lagi.
training-import-line = Baris { $line }: { $problem }
training-import-more = …dan { $count } masalah lagi.
training-import-not-utf8 = file bukan teks UTF-8. Simpan ulang sebagai "CSV UTF-8".
training-import-too-big = File terlalu besar (paling besar 1 MB).
training-import-header = baris judul kolom harus { $columns } (kurang: { $missing }; tidak dikenal: { $unknown }).
training-import-no-rows = File tidak berisi pelatihan.
training-import-field-count = ada { $found } kolom, seharusnya 8.
training-import-unreadable = tidak bisa dibaca ({ $detail }).
training-import-field = { $column }: { $problem }
training-import-category = category: pakai salah satu kode business, finance, digital, coop, parenting, other.
training-import-repeated = sama dengan baris { $line }.
training-import-exists = pelatihan ini sudah ada (nomor { $id }).
training-import-spreadsheet = Untuk mengimpor pelatihan, simpan lembar kerja sebagai "CSV UTF-8" (.csv) lalu kirim file itu.
training-import-download-failed = Maaf, file itu gagal saya unduh. Silakan kirim sekali lagi.

## /ekspor

export-button-trainings = 📄 Pelatihan
export-button-signups = 📄 Peserta pelatihan (semua)
