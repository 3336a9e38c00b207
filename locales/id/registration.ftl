# Pendaftaran: persetujuan, pertanyaan per peran, ringkasan.

registration-consent =
    Sebelum mendaftar, mohon baca ini:
    📋 Yang disimpan: peran Anda, nama, nomor HP, desa dan kabupaten, negara dan pengalaman kerja di luar negeri (jika ada), serta minat Anda.
    🎯 Untuk apa: mengundang Anda ke pelatihan dan koperasi, serta menjawab pertanyaan Anda.
    👀 Siapa yang melihat: hanya petugas Desmigratif untuk desa dan kabupaten Anda, dan petugas pusat. Bila Anda bertanya, petugas melihat nama, nomor HP, dan desa Anda, supaya bisa menghubungi Anda. Data tidak dijual dan tidak dibagikan ke pihak lain.
    🗑 Menghapus: kapan saja dengan /hapus. Data Anda benar-benar dihapus dari bot. Pesan tentang Anda di obrolan petugas kami ganti dengan tulisan «dihapus», sejauh Telegram mengizinkan. Salinan cadangan ikut terhapus paling lama 14 hari kemudian.
    Apakah Anda setuju?
registration-consent-agree = ✅ Saya setuju
registration-consent-decline = ❌ Tidak, terima kasih
registration-declined = Tidak apa-apa. Tidak ada data pribadi Anda yang disimpan. Anda tetap bisa membaca semua informasi dan bertanya kepada petugas.

registration-ask-role = Anda mendaftar sebagai siapa?
registration-ask-name = Siapa nama lengkap Anda? (sesuai KTP)
registration-ask-phone = Berapa nomor HP Anda? Tekan tombol «Kirim nomor HP saya» di bawah.
registration-share-phone = 📱 Kirim nomor HP saya
registration-phone-or-type = Atau ketik nomor Anda, misalnya 0812-3456-7890. Nomor luar negeri ditulis dengan kode negara, misalnya +60 12-345 6789.
registration-phone-saved = ✅ Nomor tersimpan: { $phone }
registration-ask-village = Di desa atau kelurahan mana Anda tinggal? Ketik beberapa huruf namanya, lalu pilih desa Anda dari tombol yang muncul.
registration-use-village = 📍 { $village }
registration-ask-country-returnee = Di negara mana Anda terakhir bekerja?
registration-ask-country-family = Di negara mana anggota keluarga Anda bekerja (atau terakhir bekerja)?
registration-ask-country-prospective = Ke negara mana Anda ingin bekerja?
registration-ask-country-other = Ketik nama negaranya:
registration-ask-years = Berapa tahun Anda bekerja di luar negeri? Ketik angkanya, misalnya 3 (paling banyak { $max }).
registration-ask-sector = Di bidang apa Anda bekerja?
registration-ask-relation = Anggota keluarga Anda bekerja di luar negeri. Apa hubungan Anda dengannya?
registration-ask-where = Di mana anggota keluarga Anda itu sekarang?
registration-ask-interests = Apa yang ingin Anda ketahui? Pilih satu atau lebih, lalu tekan «Selesai».
registration-interest-on = ✅ { $interest }
registration-interest-off = ▫️ { $interest }
registration-interests-done = ➡️ Selesai
registration-summary = Mohon periksa data Anda. Tekan tombol ✏️ untuk mengubah, atau «Simpan» jika sudah benar.
registration-save = 💾 Simpan
registration-done = Terima kasih, Anda sudah terdaftar! 🎉 Petugas bisa mengirim kabar pelatihan dan kegiatan kepada Anda lewat bot ini. Lihat pelatihan sekarang dengan /pelatihan.

registration-edit-role = ✏️ Peran
registration-edit-name = ✏️ Nama
registration-edit-phone = ✏️ Nomor HP
registration-edit-village = ✏️ Desa
registration-edit-country = ✏️ Negara
registration-edit-years = ✏️ Lama bekerja
registration-edit-sector = ✏️ Bidang kerja
registration-edit-relation = ✏️ Hubungan
registration-edit-where = ✏️ Di mana sekarang
registration-edit-interests = ✏️ Minat

registration-name-too-short = Nama terlalu pendek. Mohon tulis nama lengkap Anda.
registration-name-too-long = Nama terlalu panjang (paling banyak { $max } huruf).
registration-name-digits = Nama tidak boleh berisi angka. Mohon tulis nama dengan huruf.
registration-name-letters = Nama hanya boleh berisi huruf, spasi, titik, koma, tanda hubung (-), atau tanda petik (').
registration-phone-invalid = Itu bukan nomor HP. Tulis angkanya saja, misalnya 0812-3456-7890.
registration-phone-too-short = Nomor itu terlalu pendek. Mohon periksa lagi, misalnya 0812-3456-7890.
registration-phone-too-long = Nomor itu terlalu panjang. Mohon periksa lagi.
registration-phone-not-yours = Itu kontak orang lain. Mohon kirim nomor Anda sendiri, atau ketik nomornya.
registration-place-too-short = Nama tempat terlalu pendek. Mohon tulis nama lengkapnya.
registration-place-too-long = Nama tempat terlalu panjang (paling banyak { $max } huruf).
registration-place-characters = Nama tempat hanya boleh berisi huruf, angka, spasi, dan tanda . , - ' / ( )
registration-years-not-a-number = Mohon tulis angka saja, misalnya 3.
registration-years-negative = Jumlah tahun tidak bisa kurang dari nol.
registration-years-too-many = Itu terlalu banyak. Mohon tulis angka antara 0 dan { $max }.
registration-use-buttons = Untuk pertanyaan ini, mohon pilih salah satu tombol.
registration-type-answer = Untuk pertanyaan ini, mohon ketik jawaban Anda.

role-returnee = 🏠 Purna PMI (sudah pulang)
role-family = 👨‍👩‍👧 Keluarga PMI
role-prospective = ✈️ Calon PMI

interest-business = Kewirausahaan
interest-finance = Pengelolaan keuangan
interest-coop = Bergabung ke koperasi
interest-digital = Keterampilan digital
interest-jobs = Informasi kerja
interest-parenting = Pengasuhan anak

relation-spouse = Suami/istri
relation-parent = Orang tua
relation-child = Anak
relation-sibling = Saudara kandung
relation-other = Lainnya

sector-domestic = Rumah tangga
sector-care = Perawat lansia/anak
sector-factory = Pabrik
sector-farm = Perkebunan/pertanian
sector-construction = Konstruksi
sector-fishery = Perikanan/kapal
sector-hospitality = Hotel/restoran
sector-other = Lainnya

country-my = Malaysia
country-tw = Taiwan
country-hk = Hong Kong
country-sa = Arab Saudi
country-sg = Singapura
country-kr = Korea Selatan
country-jp = Jepang
country-other = Negara lain
country-undecided = Belum tahu

worker-abroad = Masih di luar negeri
worker-home = Sudah pulang

registration-village-update = Nama-nama desa di bot sekarang diambil dari data resmi pemerintah. Mohon pilih desa Anda sekali lagi, supaya petugas desa Anda bisa membantu. Dulu Anda menulis: «{ $village }, { $district }».
registration-village-update-choose = 📍 Pilih desa saya
registration-village-update-later = Nanti saja

registration-continue = Kita lanjutkan pendaftaran Anda. Jawaban Anda sebelumnya masih ada.
