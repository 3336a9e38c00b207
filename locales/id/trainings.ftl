# Pelatihan: semua pelatihan, keterangan, ikut pelatihan, antrean, pengingat, dan alat petugas.

command-trainings = Pelatihan yang akan datang dan pelatihan saya
command-newtraining = Buat pelatihan baru (petugas)
menu-button-trainings = 📚 Pelatihan

training-category-business = Kewirausahaan
training-category-finance = Pengelolaan keuangan
training-category-digital = Keterampilan digital
training-category-coop = Koperasi
training-category-parenting = Pengasuhan anak
training-category-other = Lainnya

training-status-open = dibuka
training-status-closed = tidak menerima peserta baru
training-status-cancelled = dibatalkan

## Semua pelatihan

training-list-title = 📚 Pelatihan yang akan datang (halaman { $page } dari { $pages }):
training-list-item =
    { $number }. { $title }
    🗓️ { $time }
    📍 { $place }
    { $seats }
training-list-seats = 🪑 Sisa { $left } kursi
training-list-full = 🪑 Penuh, tetapi bisa antre
training-list-closed = 🔒 Tidak menerima peserta baru
training-list-pick = Tekan nama pelatihan untuk melihat keterangannya dan ikut.
training-list-empty = Saat ini belum ada pelatihan yang dibuka. Silakan cek lagi nanti, atau tunggu pengumuman dari petugas.
training-button-open = { $number }. { $title }
training-button-previous = ⬅️ Sebelumnya
training-button-next = Berikutnya ➡️
training-button-list = 📚 Semua pelatihan
training-button-mine = 🎫 Pelatihan saya
training-button-details = 📄 Lihat pelatihan
training-button-title = 📄 { $title }

## Keterangan pelatihan

training-detail =
    📚 { $title }
    🏷️ { $category }
    🗓️ { $time }
    📍 { $place }
training-seats-left = 🪑 Sisa { $left } dari { $capacity } kursi.
training-seats-full = 🪑 { $capacity ->
        [1] Kursinya sudah terisi.
       *[other] Semua { $capacity } kursi sudah terisi.
    } Yang antre: { $waiting } orang.
training-description = { $text }
training-note-cancelled = ❌ Pelatihan ini dibatalkan.
training-note-started = Pelatihan ini sudah dimulai.
training-note-closed = 🔒 Pelatihan ini sudah tidak menerima peserta baru.
training-you-booked = ✅ Anda sudah dapat kursi di pelatihan ini.
training-you-waiting = ⏳ Anda sedang antre, nomor { $position }.
training-not-found = Maaf, pelatihan itu tidak ditemukan. Tekan «📚 Semua pelatihan» untuk memilih yang lain.
training-button-sign-up = ✍️ Ikut pelatihan
training-button-waitlist = ⏳ Ikut antre
training-button-leave-seat = 🚪 Tidak jadi ikut
training-button-leave-waitlist = 🚪 Keluar dari antrean

## Ikut pelatihan

training-register-first =
    Untuk ikut pelatihan "{ $title }", Anda perlu mendaftar dulu di bot ini. Cukup sekali saja.
    Ketik /daftar untuk mulai. Setelah selesai, saya tunjukkan lagi pelatihan ini, lalu Anda bisa langsung ikut.
training-after-registration = Pendaftaran Anda selesai. Ini pelatihan yang tadi ingin Anda ikuti:
training-signed-up =
    ✅ Anda dapat kursi di pelatihan "{ $title }"!
    🗓️ { $time }
    📍 { $place }
    Kami akan mengingatkan Anda sebelum pelatihan dimulai. Kalau tidak bisa datang, buka «🎫 Pelatihan saya», lalu tekan «🚪 Tidak jadi ikut», supaya orang lain bisa ikut.
training-waitlisted =
    Pelatihan "{ $title }" sudah penuh. Anda antre nomor { $position }.
    Kalau ada kursi kosong dan tiba giliran Anda, kursi itu langsung menjadi milik Anda, dan kami kabari di sini.
training-already-signed-up = Anda sudah ikut atau sedang antre di pelatihan ini.
training-not-open = Maaf, pelatihan ini sudah tidak menerima peserta baru.
training-not-signed-up = Anda tidak ikut dan tidak antre di pelatihan ini.

## Pelatihan saya

training-mine-title = 🎫 Pelatihan Anda:
training-mine-item =
    { $title }
    🗓️ { $time }
    📍 { $place }
    { $status }
training-mine-booked = ✅ Dapat kursi
training-mine-waiting = ⏳ Antre nomor { $position }
training-mine-empty = Anda belum ikut pelatihan apa pun. Tekan «📚 Semua pelatihan» untuk memilih.
training-button-leave = 🚪 Tidak jadi ikut

training-leave-seat-confirm = Anda yakin tidak jadi ikut pelatihan "{ $title }" ({ $time })? Kursi Anda akan diberikan kepada orang berikutnya yang antre.
training-leave-waitlist-confirm = Keluar dari antrean pelatihan "{ $title }" ({ $time })?
training-button-leave-yes = Ya, tidak jadi ikut
training-button-keep = Tidak, tetap ikut
training-left-seat = Baik, Anda tidak jadi ikut pelatihan "{ $title }". Kursi Anda sekarang bisa dipakai orang lain. Terima kasih sudah memberi kabar.
training-left-waitlist = Anda sudah keluar dari antrean pelatihan "{ $title }".

## Pesan kepada peserta

training-promoted =
    🎉 Kabar baik! Ada kursi kosong di pelatihan "{ $title }", dan sekarang kursi itu milik Anda.
    🗓️ { $time }
    📍 { $place }
    Kalau tidak bisa datang, buka «🎫 Pelatihan saya», lalu tekan «🚪 Tidak jadi ikut».
training-reminder =
    ⏰ Pengingat: pelatihan "{ $title }" dimulai pada { $time }.
    📍 { $place }
    Kalau tidak bisa datang, mohon tekan «🎫 Pelatihan saya», lalu «🚪 Tidak jadi ikut», supaya orang lain bisa ikut.
training-cancelled-notice = ❌ Mohon maaf, pelatihan "{ $title }" ({ $time }) dibatalkan. Tekan «📚 Semua pelatihan» untuk memilih pelatihan lain.
training-changed-notice = ✏️ Ada perubahan pada pelatihan yang Anda ikuti. Ini keterangan terbarunya:

## Petugas: membuat pelatihan

training-new-intro = Mari membuat pelatihan baru. Saya akan bertanya satu per satu; tekan «✖️ Batal» kapan saja untuk berhenti. Untuk memasukkan banyak pelatihan sekaligus, kirim saja file CSV (minta contohnya dengan tombol di bawah).
training-ask-title-id = Tulis judul pelatihan dalam Bahasa Indonesia (3–80 huruf):
training-ask-title-en = Tulis judul pelatihan dalam bahasa Inggris (3–80 huruf). Tidak ada? Tekan «⏭️ Lewati bahasa Inggris»: semua orang akan membaca judul bahasa Indonesia.
training-ask-category = Pilih kategori pelatihan:
training-ask-starts-at = Kapan pelatihan dimulai? Tulis tanggal dan jamnya, waktu { $zone }, misalnya { $example }
training-ask-location = Di mana tempatnya? (misalnya: Balai Desa Kenanga, Jl. Merdeka 5)
training-ask-capacity = Berapa kursi yang tersedia? Tulis angka dari 1 sampai 10.000:
training-ask-description-id = Tulis keterangan pelatihan dalam Bahasa Indonesia (10–1.000 huruf): apa yang dipelajari, apa yang perlu dibawa.
training-ask-description-en = Tulis keterangan pelatihan dalam bahasa Inggris (10–1.000 huruf). Tidak ada? Tekan «⏭️ Lewati bahasa Inggris».

training-invalid-empty = Jawabannya masih kosong.
training-invalid-too-short = Terlalu pendek: paling sedikit { $min } huruf.
training-invalid-too-long = Terlalu panjang: paling banyak { $max } huruf.
training-invalid-category = Silakan pilih kategori dengan salah satu tombol di bawah.
training-invalid-time-format = Tanggal dan jam belum bisa saya baca. Tulis seperti ini: 20/12/2026 09.00 (tanggal/bulan/tahun jam.menit).
training-invalid-no-time = Jamnya belum ada. Tulis tanggal dan jamnya, misalnya 20/12/2026 09.00.
training-invalid-ambiguous = Tanggal itu bisa dibaca dua cara: 05/12 bisa berarti 5 Desember atau 12 Mei. Tulis bulannya dengan huruf, misalnya 5 Des 2026 09.00.
training-invalid-ambiguous-which = «{ $typed }» bisa berarti { $first } atau { $second }. Mohon tulis bulannya dengan huruf, misalnya: { $example }
training-example-at = { $date } { $clock }
training-invalid-no-such-time = Jam itu tidak ada di zona waktu ini (jam dimajukan). Pilih jam lain.
training-invalid-past = Waktu itu sudah lewat. Mohon pilih tanggal dan jam yang akan datang.
training-invalid-not-a-number = Tulis angka saja, misalnya 25.
training-invalid-capacity-range = Jumlah kursi harus dari 1 sampai 10.000.
training-invalid-capacity-below-booked = Sudah ada { $booked } peserta yang dapat kursi, jadi jumlah kursi tidak boleh kurang dari { $booked }.
training-invalid-not-text = Mohon jawab dengan tulisan.

training-preview = Periksa sekali lagi. Kalau sudah benar, tekan «💾 Simpan»; pelatihan langsung terbuka untuk peserta.
training-preview-waiting = Pelatihan ini belum disimpan. Tekan «💾 Simpan», atau «✖️ Batal».
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
training-saved = ✅ Pelatihan disimpan dan sudah terbuka untuk peserta.

## Petugas: mengelola pelatihan

training-officer-summary = 👮 Status: { $status }. Kursi terisi { $booked } dari { $capacity }, antre { $waiting }.
training-officer-area = 📍 Pelatihan untuk: { $area }
training-officer-link = Tautan untuk poster atau kode QR: { $link }
training-button-new = ➕ Pelatihan baru
training-button-edit = ✏️ Ubah
training-button-participants = 👥 Peserta (file CSV)
training-button-people = 👥 Lihat peserta
training-people-page = { $lines }
training-people-booked = { $number }. { $name }, { $phone }, { $village }
training-people-waiting = ⏳ antre { $position }: { $name }, { $phone }, { $village }
training-people-unknown = (tidak ada)
training-people-none = Belum ada yang ikut pelatihan ini.
training-people-pages = Halaman { $page } dari { $pages }.
training-button-close = 🔒 Tutup untuk peserta
training-button-reopen = 🔓 Buka lagi untuk peserta
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
training-button-skip-english = ⏭️ Lewati bahasa Inggris
training-button-change-field = ✏️ { $field }
training-button-back-to-preview = ⬅️ Kembali ke pratinjau
training-same-as-indonesian = (tidak ada: semua orang membaca bahasa Indonesia)

training-closed = 🔒 Pelatihan ini tidak menerima peserta baru lagi. Yang sudah dapat kursi tetap ikut.
training-reopened = 🔓 Pelatihan ini menerima peserta lagi.
training-cancel-confirm = Batalkan pelatihan "{ $title }" ({ $time })? { $people } peserta dan orang yang antre akan diberi tahu. Setelah dibatalkan, pelatihan ini tidak bisa dibuka lagi.
training-button-cancel-yes = Ya, batalkan pelatihan
training-button-keep-training = Tidak, jangan dibatalkan
training-cancelled-done = ❌ Pelatihan dibatalkan. { $people } orang diberi tahu.
training-participants-caption = Peserta "{ $title }" ({ $time }): { $booked } dapat kursi, { $waiting } antre.

## Petugas: impor CSV

training-template-caption = Isi satu baris per pelatihan, simpan sebagai "CSV UTF-8", lalu kirim file itu ke sini. Kategori: business, finance, digital, coop, parenting, other. Waktu: TTTT-BB-HH JJ:MM. title_en dan description_en boleh kosong: semua orang lalu membaca bahasa Indonesia.
training-import-done = ✅ { $count } pelatihan diimpor dan sudah terbuka untuk peserta.
training-import-failed = File ini tidak diimpor: ada { $count } masalah, jadi tidak ada yang disimpan. Perbaiki lalu kirim lagi.
training-import-no-rows = File tidak berisi pelatihan.
training-import-field = { $column }: { $problem }
training-import-category = category: pakai salah satu kode business, finance, digital, coop, parenting, other.
training-import-repeated = sama dengan baris { $line }.
training-import-exists = pelatihan ini sudah ada (nomor { $id }).

## /ekspor

export-button-trainings = 📄 Pelatihan
export-button-signups = 📄 Peserta pelatihan
