# Meja tanya: pengguna bertanya, petugas menjawab. Jawaban selalu atas nama «Petugas Desmigratif».

question-ask-prompt = ✍️ Tulis pertanyaan Anda dalam satu pesan. Anda juga bisa mengirim foto atau pesan suara. Petugas Desmigratif akan menjawab di obrolan ini.
question-too-long = Pesannya terlalu panjang. Mohon persingkat menjadi paling banyak { $max } huruf.
question-kind-hint = Maaf, yang bisa saya teruskan hanya tulisan, foto, video, file, atau pesan suara.
question-received = ✅ Terima kasih! Pertanyaan Anda sudah kami terima, nomor { $number }. Petugas akan menjawab di sini. Mau menambah sesuatu? Tekan «🗂️ Pertanyaan saya», lalu «✍️ Tanya lanjutan».
question-button-mine = 🗂️ Pertanyaan saya
question-button-follow-up = ✍️ Tanya lanjutan
question-button-view = { $urgent }No. { $number } · { $status }
question-button-open = { $urgent }No. { $number }
question-status-waiting = ⏳ menunggu petugas
question-status-taken = ✋ sedang ditangani petugas
question-status-answered = ✅ sudah dijawab
question-status-closed = 🗂️ ditutup petugas
question-status-resolved = ✅ selesai
question-not-found = Pertanyaan itu tidak ditemukan.
question-mine-title = 🗂️ Pertanyaan Anda. Pilih untuk melihat jawabannya:
question-mine-none = Anda belum pernah bertanya. Tekan «Tanya petugas» untuk mulai.
question-view-title = Pertanyaan no. { $number } ({ $status })
question-thread-earlier = (pesan-pesan sebelumnya tidak ditampilkan)
question-thread-you =
    🙋 Anda, { $time }:
    { $media }{ $text }
question-thread-asker =
    🙋 Penanya, { $time }:
    { $media }{ $text }
question-thread-officer =
    👤 Petugas Desmigratif, { $time }:
    { $text }
question-follow-up-prompt = ✍️ Tulis tambahan atau pertanyaan lanjutan untuk pertanyaan no. { $number }. Anda juga bisa mengirim foto atau pesan suara.
question-follow-up-received = ✅ Terima kasih! Tambahan untuk pertanyaan no. { $number } sudah diteruskan ke petugas.
question-answer-for-you = 💬 Jawaban Petugas Desmigratif untuk pertanyaan no. { $number }:
question-quote = { $media }{ $text }

question-media-photo = [📷 foto]{" "}
question-media-voice = [🎤 pesan suara]{" "}
question-media-audio = [🎵 rekaman suara]{" "}
question-media-video = [🎬 video]{" "}
question-media-video_note = [🎬 video singkat]{" "}
question-media-document = [📎 file]{" "}
question-media-location = [📍 lokasi]{" "}
question-forwarded = [↪️ diteruskan dari { $origin }]{" "}
question-forwarded-unnamed = [↪️ pesan terusan]{" "}
question-labels = { $forwarded }{ $media }

# Untuk petugas.
question-who-registered = { $name } ({ $role }, desa { $village }) · 📞 { $phone }{ $lang }
question-who-unregistered = seseorang yang belum mendaftar{ $lang }
question-notice-new =
    ❓ Pertanyaan baru no. { $number }
    Dari: { $who }
question-notice-more =
    ➕ Tambahan untuk pertanyaan no. { $number }
    Dari: { $who }
question-notice-open =
    ❓ { $urgent }Pertanyaan no. { $number } · { $status }
    Dari: { $who }
question-notice-how = Untuk menjawab, balas (reply) pesan ini, atau ketik /jawab { $number } lalu jawabannya. Jawaban dikirim atas nama Petugas Desmigratif.
question-answer-usage = Cara menjawab: /jawab NOMOR jawaban Anda. Contoh: /jawab 12 Dokumennya bisa diurus di Disnaker. Anda juga bisa membalas (reply) pesan pertanyaannya.
question-answer-too-long = Jawabannya terlalu panjang. Mohon persingkat menjadi paling banyak { $max } huruf, atau kirim dalam beberapa bagian.
question-answer-gone = Pertanyaan no. { $number } tidak ada lagi (mungkin penanya sudah menghapus datanya).
question-answer-already = Pertanyaan no. { $number } sudah dijawab. Jawaban Anda belum dikirim.
question-answer-sent = ✅ Jawaban untuk pertanyaan no. { $number } sudah dikirim.
question-inbox-line = { $urgent }No. { $number } · { $taken }{ $village } · { $waited } · { $media }{ $text }
question-inbox-how = Tekan nomor pertanyaan untuk melihatnya lengkap dan membalasnya.

question-notice-escalated =
    ⏫ Pertanyaan no. { $number } belum diambil siapa pun selama { $hours } jam, jadi sekarang diteruskan kepada Anda.
    Dari: { $who }
question-button-take = ✋ Saya tangani no. { $number }
question-taken-you = ✋ Pertanyaan no. { $number } Anda tangani. Pertanyaan ini tidak diteruskan ke tingkat atas lagi.
question-taken-already = Pertanyaan no. { $number } sudah ditangani orang lain.
question-taken-by = ✋ Pertanyaan no. { $number } sudah ditangani oleh { $taker }.
question-taker-named = { $name }
question-taker-someone = petugas lain

# Pesan yang tidak ditunggu langkah mana pun (engine/pillars/held.rs): selalu ada jalan ke petugas.
greeting = Halo! 👋 Ada yang bisa saya bantu? Pilih dari menu di bawah, atau tulis pertanyaan Anda.
held-text = Saya belum punya jawaban untuk pesan ini. Pesan Anda bisa saya kirim ke petugas. Petugas akan menjawab di sini.
held-voice = Saya tidak bisa mendengarkan pesan suara, tetapi petugas bisa. Kirim ke petugas? Petugas akan menjawab di sini.
held-media = Saya tidak bisa melihat foto atau video, tetapi petugas bisa. Kirim ke petugas? Petugas akan menjawab di sini.
held-document = Saya tidak bisa membaca file, tetapi petugas bisa. Kirim ke petugas? Petugas akan menjawab di sini.
held-location = Kirim lokasi Anda ke petugas? Petugas akan menjawab di sini.
held-forwarded = Pesan terusan ini bisa saya kirim ke petugas, misalnya untuk menanyakan apakah lowongan kerja ini asli. Petugas akan menjawab di sini.
held-or-officer = Bila belum membantu, pesan Anda bisa saya kirim ke petugas.
held-button-send = 📨 Kirim ke petugas
held-button-add = ➕ Tambah ke no. { $number }

# Kasus darurat (engine/pillars/emergency.rs).
command-emergency = 🆘 Darurat: bantuan untuk orang yang dalam bahaya
menu-button-emergency = 🆘 Darurat, minta tolong
emergency-place-indonesia = 🇮🇩 Indonesia
emergency-place-malaysia = 🇲🇾 Malaysia
emergency-place-taiwan = 🇹🇼 Taiwan
emergency-place-hong_kong = 🇭🇰 Hong Kong
emergency-place-saudi_arabia = 🇸🇦 Arab Saudi
emergency-place-singapore = 🇸🇬 Singapura
emergency-place-south_korea = 🇰🇷 Korea Selatan
emergency-place-japan = 🇯🇵 Jepang
emergency-place-uae = 🇦🇪 Uni Emirat Arab
emergency-place-qatar = 🇶🇦 Qatar
emergency-place-kuwait = 🇰🇼 Kuwait
emergency-place-brunei = 🇧🇳 Brunei
emergency-place-other = 🌏 Negara lain
emergency-where = 🆘 Di mana orang yang butuh bantuan sekarang?
emergency-where-first = Pilih dulu tempatnya dengan tombol di bawah. Pesan Anda sudah kami simpan.
emergency-contacts-title = 🆘 Yang bisa membantu sekarang ({ $place }):
emergency-no-mission = Kami belum punya nomor KBRI yang pasti benar untuk negara itu. Telepon nomor darurat Kementerian Luar Negeri di bawah, atau tekan tombol darurat di aplikasi Safe Travel.
emergency-contacts = { $list }
emergency-contact =
    • { $name }
    { $lines }
emergency-line-hotline = 🆘 Nomor darurat: { $value }
emergency-line-phone = 📞 Telepon: { $value }
emergency-line-whatsapp = 💬 WhatsApp: { $value }
emergency-line-address = 📍 { $value }
emergency-line-note = ℹ️ { $value }
emergency-contacts-checked = Nomor-nomor ini dari halaman resmi dan berita yang mengutip KBRI/KJRI. Terakhir kami periksa { $date }. Bila nomor tidak menjawab, pakai tombol darurat di aplikasi Safe Travel dari Kementerian Luar Negeri.
emergency-tell = ✍️ Ceritakan singkat apa yang terjadi, dan di mana. Boleh juga dengan pesan suara. Pesan Anda langsung kami kirim ke petugas sebagai kasus darurat.
emergency-tell-again = Silakan tulis apa yang terjadi, atau kirim pesan suara. Untuk berhenti, tekan «✖️ Batal».
emergency-received = 🆘 Terima kasih. Pesan Anda (no. { $number }) sudah dikirim ke petugas sebagai kasus darurat. Petugas akan membalas di sini secepat mungkin, tetapi mungkin tidak langsung. Bila ada yang dalam bahaya sekarang, telepon juga nomor di atas.
emergency-offer = Apakah ada orang yang sedang dalam bahaya atau kesulitan? Tekan «🆘 Ini darurat». Anda langsung mendapat nomor yang bisa menolong, dan pesan Anda dikirim ke petugas sebagai kasus darurat.
emergency-button-offer = 🆘 Ini darurat
question-urgent-mark = 🆘{" "}
question-urgent-where = 📍 Orang yang dalam bahaya berada di: { $place }
question-notice-urgent =
    🆘 KASUS DARURAT no. { $number }
    Dari: { $who }
question-notice-urgent-again =
    🆘 Kasus darurat no. { $number } sudah menunggu { $hours } jam dan belum diambil siapa pun.
    Dari: { $who }
question-notice-group-urgent = 🆘 Ada kasus darurat, no. { $number }. Isinya hanya tampil di obrolan pribadi petugas dengan bot. Untuk menjawab, balas pesan ini.

# Halaman dan saringan kotak pertanyaan.
inbox-title-open = 📥 Pertanyaan terbuka: { $count }. Kasus darurat di atas, lalu yang paling lama menunggu. Halaman { $page } dari { $pages }.
inbox-title-urgent = 🆘 Kasus darurat yang masih terbuka: { $count }. Halaman { $page } dari { $pages }.
inbox-title-waiting = ⏳ Pertanyaan terbuka yang belum diambil siapa pun: { $count }. Halaman { $page } dari { $pages }.
inbox-title-mine = ✋ Pertanyaan yang Anda ambil dan masih terbuka: { $count }. Halaman { $page } dari { $pages }.
inbox-title-answered = ✅ Pertanyaan yang sudah dijawab: { $count }, yang terbaru di atas. Halaman { $page } dari { $pages }.
inbox-empty-open = Tidak ada pertanyaan yang menunggu jawaban. 🎉
inbox-empty-urgent = Tidak ada kasus darurat yang terbuka.
inbox-empty-waiting = Semua pertanyaan terbuka sudah diambil petugas.
inbox-empty-mine = Tidak ada pertanyaan terbuka yang Anda ambil.
inbox-empty-answered = Belum ada pertanyaan yang dijawab.
inbox-title-closed = 🗂️ Pertanyaan yang sudah ditutup: { $count }, yang terbaru di atas. Halaman { $page } dari { $pages }.
inbox-empty-closed = Belum ada pertanyaan yang ditutup.
inbox-button-open = 📥 Semua terbuka
inbox-button-urgent = 🆘 Darurat
inbox-button-waiting = ⏳ Belum diambil
inbox-button-mine = ✋ Milik saya
inbox-button-answered = ✅ Sudah dijawab
inbox-button-closed = 🗂️ Ditutup
inbox-button-previous = ◀️ Sebelumnya
inbox-button-next = Berikutnya ▶️
inbox-no-village = tanpa desa
inbox-waited-minutes =
    { $n ->
        [0] baru saja
       *[other] { $n } menit
    }
inbox-waited-hours = { $n } jam
inbox-waited-days = { $n } hari
question-earlier = 🗂️ Pertanyaan lain dari orang ini: { $list }
question-earlier-item = no. { $number } ({ $status })

# Tahap sebuah pertanyaan (engine/pillars/desk.rs): menunggu → ditangani → dijawab → ditutup.
question-thread-addition =
    ➕ Tambahan dari Petugas Desmigratif, { $time }:
    { $text }
question-thread-correction =
    ✏️ Koreksi dari Petugas Desmigratif, { $time }:
    { $text }
question-button-resolved = ✅ Selesai
question-resolved = ✅ Terima kasih. Pertanyaan no. { $number } kami tandai selesai. Bila nanti masih ada yang ingin ditanyakan, buka «Pertanyaan saya» lalu tekan «Tanya lanjutan».
question-resolved-by-asker = ✅ Penanya menandai pertanyaan no. { $number } selesai.
question-addition-for-you = ➕ Tambahan dari Petugas Desmigratif untuk pertanyaan no. { $number }:
question-correction-for-you = ✏️ Koreksi dari Petugas Desmigratif untuk pertanyaan no. { $number }. Koreksi ini menggantikan jawaban sebelumnya:
question-closed-for-you-elsewhere = 🗂️ Pertanyaan no. { $number } ditutup oleh petugas karena sudah dibahas di luar obrolan ini. Bila masih perlu bantuan, tekan «Tanya lanjutan».
question-closed-for-you-duplicate = 🗂️ Pertanyaan no. { $number } ditutup oleh petugas karena sama dengan pertanyaan Anda yang lain. Jawabannya akan datang di pertanyaan itu. Kalau ini hal yang lain, tekan «✍️ Tanya lanjutan».

# Untuk petugas.
question-standing-waiting = ⏳ menunggu, belum ada yang menangani ({ $level })
question-standing-taken = ✋ ditangani oleh { $taker }
question-standing-closed = 🗂️ ditutup: { $reason }
question-closed-resolved = penanya menandai selesai
question-closed-elsewhere = sudah dibahas di tempat lain
question-closed-duplicate = pertanyaan ganda
question-closed-spam = spam
question-button-answer = ✍️ Jawab
question-button-close = 🗂️ Tutup
question-button-hand-back = ↩️ Lepaskan
question-button-pass-up = ⏫ Teruskan ke atas
question-button-addition = ➕ Tambah jawaban
question-button-correction = ✏️ Koreksi jawaban
question-button-see = 👁️ Lihat no. { $number }
question-button-close-elsewhere = Dibahas di tempat lain
question-button-close-duplicate = Pertanyaan ganda
question-button-close-spam = 🚫 Spam (tanpa kabar)
question-answer-prompt = ✍️ Tulis jawaban untuk pertanyaan no. { $number } dalam satu pesan. Jawaban dikirim atas nama Petugas Desmigratif.
question-answer-text-only = Jawaban hanya bisa berupa tulisan.
question-answer-closed = Pertanyaan no. { $number } sudah ditutup. Jawaban Anda tidak dikirim. Bila penanya menulis lagi, pertanyaan ini terbuka kembali.
question-answer-already-amend = Bila ada yang perlu ditambah atau diperbaiki, tekan tombol di bawah.
question-answer-already-kept = Tulisan Anda masih tersimpan. Mau dikirim sebagai tambahan atau sebagai koreksi jawaban tadi?
question-addition-prompt = ➕ Tulis tambahan untuk jawaban pertanyaan no. { $number }. Penanya akan menerimanya sebagai «Tambahan dari Petugas Desmigratif».
question-correction-prompt = ✏️ Tulis jawaban yang benar untuk pertanyaan no. { $number }. Penanya akan menerimanya sebagai «Koreksi dari Petugas Desmigratif».
question-amend-nothing = Pertanyaan no. { $number } belum dijawab, jadi belum ada yang bisa ditambah atau dikoreksi. Tekan «Jawab».
question-addition-sent = ✅ Tambahan untuk pertanyaan no. { $number } sudah dikirim.
question-correction-sent = ✅ Koreksi untuk pertanyaan no. { $number } sudah dikirim.
question-close-why = 🗂️ Apa alasan menutup pertanyaan no. { $number }? Penanya diberi tahu, kecuali untuk spam.
question-closed-done = 🗂️ Pertanyaan no. { $number } ditutup ({ $reason }).
question-closed-already = Pertanyaan no. { $number } sudah ditutup.
question-not-yours = Pertanyaan no. { $number } tidak sedang Anda tangani.
question-handed-back = ↩️ Pertanyaan no. { $number } Anda lepaskan. Sekarang menunggu petugas lain lagi.
question-notice-handed-back =
    ↩️ Pertanyaan no. { $number } dilepaskan oleh petugas yang menanganinya dan menunggu lagi.
    Dari: { $who }
question-pass-up-not = Pertanyaan no. { $number } tidak bisa diteruskan ke atas (sudah di tingkat pusat, atau tidak terbuka lagi).
question-passed-up = ⏫ Pertanyaan no. { $number } diteruskan ke { $level }.
question-notice-passed-up =
    ⏫ Pertanyaan no. { $number } diteruskan kepada Anda oleh petugas di bawah.
    Dari: { $who }
question-notice-together = 📥 Ada { $count } pesan baru di kotak pertanyaan. Tekan tombol di bawah untuk melihatnya.
inbox-button-notices-each = 🔔 Kabari tiap pertanyaan
inbox-button-notices-together = 🔕 Kabari tiap 15 menit
inbox-notices-each = 🔔 Baik. Anda akan diberi tahu tiap pertanyaan baru saat itu juga.
inbox-notices-together = 🔕 Baik. Pertanyaan baru akan diberitahukan bersama, paling sering 15 menit sekali. Kasus darurat tetap langsung.

# Admin memperbaiki kontak darurat di bot (engine/pillars/emergency_fix.rs).
emergency-line-fixed = ✏️ Diperbaiki petugas { $date }
emergency-fix-button = ✏️ Perbaiki kontak ini
emergency-fix-choose = ✏️ Kontak mana yang perlu diperbaiki ({ $place })?
emergency-fix-national-hint = Nomor nasional (KP2MI, Kementerian Luar Negeri) diperbaiki lewat «Indonesia».
emergency-fix-none = Belum ada kontak untuk tempat ini di data bot. Kontak baru ditambahkan lewat berkas data/emergency/ beserta sumbernya.
emergency-fix-entry = { $name }
emergency-fix-source = Sumber data awal: { $source } (diperiksa { $checked }).
emergency-fix-which = Bagian mana yang ingin diperbaiki?
emergency-fix-field-phone = 📞 Telepon
emergency-fix-field-hotline = 🆘 Nomor darurat
emergency-fix-field-whatsapp = 💬 WhatsApp
emergency-fix-field-address = 📍 Alamat
emergency-field-phone = telepon
emergency-field-hotline = nomor darurat
emergency-field-whatsapp = WhatsApp
emergency-field-address = alamat
emergency-fix-prompt =
    ✏️ { $name }, { $field }: kirim dalam satu pesan, dua baris:
    baris 1: isi yang baru (atau { $clear } bila tidak perlu ditampilkan lagi),
    baris 2: sumbernya (alamat halaman resmi, atau «ditelepon ke KBRI/KJRI tanggal …»).
emergency-fix-need-source = Mohon tulis dua baris: isinya di baris pertama, sumbernya di baris kedua. Tanpa sumber, nomor tidak kami tampilkan.
emergency-fix-too-long = Terlalu panjang: isinya paling banyak { $value } huruf, sumbernya { $source } huruf.
emergency-fix-saved = ✅ Tersimpan. Halaman darurat sekarang menampilkan yang baru.
emergency-fix-reset = ↩️ Kembalikan ke data awal
emergency-fix-reset-done = ↩️ Kontak ini kembali seperti data awal.
question-taken-you-top = ✋ Pertanyaan no. { $number } Anda tangani.
question-standing-taken-you = ✋ Anda yang menangani
question-inbox-taken = ✋{" "}
question-who-english = {" "}· 🇬🇧 menulis dalam bahasa Inggris
question-notice-reopened =
    🔓 Pertanyaan no. { $number } dibuka lagi: penanya menulis lagi setelah ditutup.
    Dari: { $who }
held-faq = Mungkin salah satu jawaban di bawah membantu. Tekan untuk membacanya.
held-faq-still = Belum terjawab? Tekan «📨 Kirim ke petugas»: pesan Anda tadi langsung dikirim.
emergency-fix-was = ✏️ { $field } diperbaiki { $date }: { $value } (sumber: { $source })
emergency-fix-hidden = tidak ditampilkan lagi
